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
    rateLimitedMinutes: "Muitas tentativas. Aguarde {minutes} minutos e tente novamente.",
    tenantSuspended: "Esta conta está suspensa. Fale com o suporte do EvoSense.",
    invalidInput: "Informe um e-mail válido e a senha.",
    suspendedTitle: "Conta suspensa",
    suspendedBody:
      "O acesso a esta conta está suspenso: os painéis, as conversas e a API ficam indisponíveis até a reativação. As mensagens do WhatsApp continuam sendo recebidas e guardadas. Fale com o suporte do EvoSense para reativar a conta.",
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
    rateLimitedMinutes: "Too many attempts. Wait {minutes} minutes and try again.",
    tenantSuspended: "This account is suspended. Contact EvoSense support.",
    invalidInput: "Enter a valid e-mail and your password.",
    suspendedTitle: "Account suspended",
    suspendedBody:
      "Access to this account is suspended: dashboards, conversations and the API are unavailable until it is reactivated. WhatsApp messages are still received and kept. Contact EvoSense support to reactivate the account.",
    demoHint: "Demo: admin@lojacentro.local / evosense-demo",
  },
});
