import { defineDictionary } from "../locale";

export const searchStrings = defineDictionary({
  "pt-BR": {
    title: "Busca",
    subtitle: "Encontre mensagens pelo sentido, com as palavras exatas somadas ao resultado.",
    placeholder: "ex.: cliente reclamando de entrega atrasada",
    search: "Buscar",
    meaning: "sentido",
    words: "palavras",
    results: "{n} resultados",
    empty: "Nada encontrado. Tente outras palavras.",
    start: "Digite o que procura: a busca compara o sentido das mensagens.",
    planLimit: "A busca por sentido faz parte do plano Pro e acima; mostramos as mensagens com as palavras exatas.",
    localModel: "Com o modelo local, “sentido” significa palavras em comum (com variações); com OpenAI ou um servidor de embeddings, sinônimos também contam.",
    open: "Abrir conversa",
  },
  en: {
    title: "Search",
    subtitle: "Find messages by meaning, with exact words blended into the results.",
    placeholder: "e.g. customer complaining about a late delivery",
    search: "Search",
    meaning: "meaning",
    words: "words",
    results: "{n} results",
    empty: "Nothing found. Try other words.",
    start: "Type what you are looking for: the search compares the meaning of messages.",
    planLimit: "Search by meaning is part of the Pro plan and above; showing messages with the exact words.",
    localModel: "With the local model, “meaning” means shared words (with inflections); with OpenAI or an embedding server, synonyms count too.",
    open: "Open conversation",
  },
});
