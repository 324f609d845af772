import { describe, expect, it } from "vitest";
import { cpfValid, luhnValid, redactPii } from "./pii";

describe("PII redaction", () => {
  it("redacts e-mail, CPF, CNPJ, a Luhn-valid card and phone numbers", () => {
    const input =
      "Meu email é mariana.souza@gmail.com, CPF 529.982.247-25, CNPJ 11.222.333/0001-81, " +
      "cartão 4111 1111 1111 1111 e celular (11) 98765-4321 ou +55 21 3456-7890.";
    const { text, found } = redactPii(input);
    expect(text).toBe(
      "Meu email é [email], CPF [cpf], CNPJ [cnpj], cartão [cartao] e celular [telefone] ou [telefone].",
    );
    expect(found.sort()).toEqual(["card", "cnpj", "cpf", "email", "phone"]);
  });

  it("keeps order numbers, dates, prices and card-like numbers that fail Luhn", () => {
    const input = "Pedido 4821 de 12/10/2025, R$ 199,90, protocolo 1234 5678 9012 3456";
    expect(redactPii(input)).toEqual({ text: input, found: [] });
  });

  it("redacts a bare CPF only when its check digits are valid", () => {
    expect(redactPii("cpf 52998224725").text).toBe("cpf [cpf]");
    expect(cpfValid("52998224725")).toBe(true);
    expect(cpfValid("11111111111")).toBe(false);
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
  });
});
