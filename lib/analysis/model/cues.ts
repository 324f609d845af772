import type { Emotion } from "@/lib/scores/vocabulary";
import type { Language } from "./types";

/**
 * Our own cue lists (no third-party emotion lexicon: NRC EmoLex is non-commercial). Entries are folded word
 * prefixes ("obrigad" matches obrigado/obrigada) or, with a space, folded phrases matched on word boundaries.
 */
type CueList = Partial<Record<Exclude<Emotion, "neutral">, string[]>>;

export const EMOTION_CUES: Record<Language, CueList> = {
  pt: {
    gratitude: ["obrigad", "obg", "brigad", "agradec", "grato", "grata", "valeu", "vlw", "gratidao", "deus abencoe"],
    joy: ["feliz", "alegr", "adorei", "amei", "amo", "otim", "excelent", "perfeit", "maravilh", "incrivel", "sensacional", "top", "show", "gostei", "satisfeit", "contente", "recomendo", "parabens", "lindo", "linda", "perfeito", "massa", "demais de bom", "uhul", "oba", "eba", "kkk"],
    anger: ["absurd", "palhacad", "vergonh", "procon", "golpe", "ladr", "roub", "raiva", "odi", "revolt", "indign", "ridicul", "lixo", "porcaria", "merda", "bosta", "desrespeit", "descaso", "safad", "pilantra", "cansei", "inadmissivel", "inaceitavel", "reclame aqui", "processar", "furios", "puto", "puta", "irritad"],
    frustration: ["decepc", "frustr", "ate agora", "ate hoje", "ainda nao", "demor", "atras", "cade", "esperando", "de novo", "mais uma vez", "toda vez", "nada resolv", "nao resolv", "ninguem", "sem resposta", "insatisf", "chatead", "desanim", "deixou a desejar", "deixa a desejar"],
    sadness: ["triste", "tristeza", "infelizmente", "lament", "chorar", "chorei", "chorando", "pena", "saudade", "magoad", "sofr", "deprim", "luto", "perdi", "desculp", "sinto muito"],
    fear: ["medo", "preocupad", "preocupa", "receio", "assust", "insegur", "ansios", "nervos", "apreensiv", "tenso", "tensa", "perigo", "panico", "sera que"],
    surprise: ["nossa", "uau", "caramba", "surpres", "serio", "jura", "inacreditavel", "chocad", "nao acredito", "meu deus", "eita", "oxe", "gente", "caraca", "nem acredito", "quem diria"],
  },
  en: {
    gratitude: ["thank", "thx", "ty", "grateful", "appreciat"],
    joy: ["happy", "glad", "love", "loved", "lovely", "great", "awesome", "amazing", "wonderful", "excellent", "perfect", "best", "fun", "funny", "hilarious", "lol", "lmao", "haha", "enjoy", "excited", "exciting", "congrat", "beautiful", "cute", "nice", "cool", "proud", "hope", "hopefully", "yay", "good luck", "well done", "agree", "good", "like this", "favorite", "sweet", "relie", "care", "welcome", "admire", "brilliant", "fantastic", "wish", "yes"],
    anger: ["angry", "anger", "mad", "hate", "hating", "furious", "rage", "pissed", "annoy", "irritat", "stupid", "idiot", "dumb", "moron", "ridiculous", "pathetic", "wtf", "damn", "fuck", "shit", "screw", "bullshit", "disgust", "gross", "awful", "terrible", "worst", "horrible", "trash", "sucks", "shut up", "hell", "disagree", "wrong", "not ok", "bad"],
    frustration: ["frustrat", "disappoint", "still waiting", "waste", "useless", "again", "fed up", "tired of", "ugh"],
    sadness: ["sad", "sorry", "unfortunately", "cry", "crying", "tears", "depress", "lonely", "miss", "heartbreak", "broke my heart", "grief", "lost", "loss", "died", "rip", "hurt", "pain", "regret", "embarrass", "awkward", "shame", "ashamed", "poor", "sucks for"],
    fear: ["afraid", "scared", "scary", "fear", "terrif", "worried", "worry", "anxious", "anxiety", "nervous", "panic", "frighten", "creepy", "horrif", "dread", "yikes"],
    surprise: ["wow", "whoa", "omg", "oh my", "surpris", "shock", "unbelievable", "no way", "can't believe", "cant believe", "didn't know", "didnt know", "wonder", "curious", "confus", "huh", "interesting", "realize", "really?", "what?", "wait", "weird", "strange"],
  },
  es: {
    gratitude: ["gracias", "agradec", "agradecid"],
    joy: ["feliz", "alegr", "encant", "excelent", "perfect", "genial", "maravill", "buenisim", "me gusta", "contento", "contenta"],
    anger: ["absurd", "verguenza", "estafa", "fraude", "ladr", "rabia", "odio", "indign", "ridicul", "basura", "mierda", "furios"],
    frustration: ["decepcion", "frustr", "todavia no", "aun no", "demora", "retras", "esperando", "otra vez", "nadie"],
    sadness: ["triste", "tristeza", "lamentablemente", "llorar", "pena", "lo siento"],
    fear: ["miedo", "preocupad", "asustad", "nervios", "temor"],
    surprise: ["vaya", "sorpren", "increible", "no puedo creer", "dios mio", "guau"],
  },
};

/** Emoji are language-free. */
export const EMOJI_EMOTIONS: Record<string, Exclude<Emotion, "neutral">> = {
  "😡": "anger", "🤬": "anger", "👿": "anger", "💢": "anger", "🖕": "anger",
  "😤": "frustration", "🙄": "frustration", "😒": "frustration", "😑": "frustration", "😩": "frustration", "😫": "frustration", "🤦": "frustration",
  "😢": "sadness", "😭": "sadness", "😞": "sadness", "😔": "sadness", "🥺": "sadness", "💔": "sadness", "☹": "sadness", "🙁": "sadness", "😿": "sadness",
  "😨": "fear", "😰": "fear", "😱": "fear", "😟": "fear", "😬": "fear", "😧": "fear",
  "😮": "surprise", "😲": "surprise", "😯": "surprise", "🤯": "surprise", "😳": "surprise", "❗": "surprise",
  "😊": "joy", "😍": "joy", "🥰": "joy", "😄": "joy", "😃": "joy", "😁": "joy", "😀": "joy", "😂": "joy", "🤣": "joy", "❤": "joy", "💕": "joy", "💖": "joy", "🎉": "joy", "👏": "joy", "👍": "joy", "😎": "joy", "🤩": "joy", "😘": "joy", "👌": "joy", "💪": "joy",
  "🙏": "gratitude", "🤝": "gratitude", "💐": "gratitude",
  ":(": "sadness", ":-(": "sadness", ":'(": "sadness", "=(": "sadness", ":)": "joy", ":-)": "joy", ":d": "joy", "=)": "joy", "<3": "joy",
};

/** Tone cues, folded; matched on whole tokens or phrases, never substrings ("to" must not fire inside "funcionamento"). */
export const TONE_CUES: Record<Language, { aggressive: string[]; urgent: string[]; polite: string[]; informal: string[] }> = {
  pt: {
    aggressive: ["idiota", "imbecil", "otario", "otaria", "lixo", "merda", "bosta", "porra", "caralho", "palhacada", "palhacos", "vagabundo", "vagabunda", "ladrao", "ladroes", "safado", "safados", "pilantra", "pilantras", "vai se ferrar", "vsf", "pqp", "fdp", "incompetentes", "cambada", "otarios", "burro", "burra"],
    urgent: ["urgente", "urgencia", "imediatamente", "agora mesmo", "o quanto antes", "o mais rapido", "com urgencia", "ja ja", "hoje ainda", "ainda hoje", "socorro", "preciso urgente", "prioridade"],
    polite: ["por favor", "por gentileza", "bom dia", "boa tarde", "boa noite", "poderia", "poderiam", "gostaria", "obrigado", "obrigada", "agradeco", "com licenca", "desculpe", "desculpa", "grato", "grata", "att", "atenciosamente", "prezados", "prezado", "prezada"],
    informal: ["valeu", "vc", "vcs", "tb", "tbm", "blz", "pq", "mano", "mana", "vlw", "flw", "tmj", "kd", "q", "ta", "to", "né", "ne", "cara", "véi", "vei", "galera", "pra", "pro", "oq", "msm", "mt", "mto", "n", "s", "hj", "amanha"],
  },
  en: {
    aggressive: ["idiot", "idiots", "stupid", "moron", "morons", "fuck", "fucking", "shit", "bullshit", "asshole", "bitch", "crap", "screw you", "shut up", "wtf", "dumbass", "pathetic", "scammers"],
    urgent: ["urgent", "urgently", "asap", "immediately", "right now", "right away", "as soon as possible", "emergency", "today"],
    polite: ["please", "kindly", "thank you", "thanks", "good morning", "good afternoon", "good evening", "could you", "would you", "would like", "appreciate", "sorry", "excuse me", "regards"],
    informal: ["u", "ur", "lol", "lmao", "btw", "gonna", "wanna", "dude", "bro", "ya", "yeah", "nah", "omg", "tbh", "idk", "pls", "plz", "thx"],
  },
  es: {
    aggressive: ["idiota", "estupido", "imbecil", "mierda", "basura", "ladrones", "estafadores", "carajo", "joder"],
    urgent: ["urgente", "inmediatamente", "ahora mismo", "lo antes posible", "cuanto antes", "emergencia"],
    polite: ["por favor", "gracias", "buenos dias", "buenas tardes", "buenas noches", "podria", "quisiera", "disculpe", "muy amable"],
    informal: ["q", "xq", "tb", "jaja", "wey", "tio", "porfa", "pa", "bueno"],
  },
};
