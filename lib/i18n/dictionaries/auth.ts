import { defineDictionary } from "../locale";

export const authStrings = defineDictionary({
  "pt-BR": {
    title: "Entrar no EvoSense",
    subtitle: "A satisfação dos seus clientes no WhatsApp, medida mensagem a mensagem.",
    email: "E-mail",
    password: "Senha",
    submit: "Entrar",
    submitting: "Entrando…",
    invalidCredentials: "E-mail ou senha incorretos.",
    rateLimited: "Muitas tentativas. Aguarde um minuto e tente novamente.",
    tenantSuspended: "Esta conta está suspensa. Fale com o suporte do EvoSense.",
    invalidInput: "Informe um e-mail válido e a senha.",
    demoHint: "Demonstração: admin@lojacentro.local / evosense-demo",
  },
  en: {
    title: "Sign in to EvoSense",
    subtitle: "Your customers' satisfaction on WhatsApp, measured message by message.",
    email: "E-mail",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    invalidCredentials: "Wrong e-mail or password.",
    rateLimited: "Too many attempts. Wait a minute and try again.",
    tenantSuspended: "This account is suspended. Contact EvoSense support.",
    invalidInput: "Enter a valid e-mail and your password.",
    demoHint: "Demo: admin@lojacentro.local / evosense-demo",
  },
});
