import { defineDictionary } from "../locale";

export const analysisStrings = defineDictionary({
  "pt-BR": {
    title: "Análise",
    subtitle: "Quem pontua as mensagens, e o que falhou.",
    model: "Modelo de análise",
    embedding: "Embeddings",
    prompt: "Versão de prompt padrão",
    localNote:
      "Modelo offline de léxico e regras, feito pela EvoSense: acerta a maioria das mensagens claramente positivas ou negativas, erra mais em mensagens neutras, mistas ou irônicas, e a busca encontra palavras em comum, não sinônimos. Configure OPENAI_API_KEY ou AI_BASE_URL para usar um LLM.",
    remoteNote:
      "As mensagens são enviadas ao provedor com dados pessoais mascarados (CPF, CNPJ, e-mail, cartão, telefone).",
    failedTitle: "Análises com falha",
    failedEmpty: "Nenhuma análise com falha.",
    sentAt: "Enviada em",
    message: "Mensagem",
    error: "Erro",
    retry: "Tentar de novo",
    retried: "Reenviada para análise",
    pendingTitle: "Aguardando análise",
    pendingBody: "{n} mensagens na fila.",
    localModel: "Modelo local EvoSense (offline)",
    n8nWorkflow: "Fluxo do n8n",
    openAiCompatible: "{model} (compatível com a API da OpenAI)",
  },
  en: {
    title: "Analysis",
    subtitle: "What scores your messages, and what failed.",
    model: "Analysis model",
    embedding: "Embeddings",
    prompt: "Default prompt version",
    localNote:
      "An offline lexicon-and-rules model built by EvoSense: right on most clearly positive or negative messages, weaker on neutral, mixed or ironic ones, and search finds shared words, not synonyms. Set OPENAI_API_KEY or AI_BASE_URL to use an LLM.",
    remoteNote: "Messages are sent to the provider with personal data masked (CPF, CNPJ, e-mail, card, phone).",
    failedTitle: "Failed analyses",
    failedEmpty: "No failed analyses.",
    sentAt: "Sent",
    message: "Message",
    error: "Error",
    retry: "Retry",
    retried: "Queued for analysis again",
    pendingTitle: "Waiting for analysis",
    pendingBody: "{n} messages queued.",
    localModel: "EvoSense local model (offline)",
    n8nWorkflow: "n8n workflow",
    openAiCompatible: "{model} (OpenAI-compatible API)",
  },
});
