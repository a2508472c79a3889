/* chorus-sentiment-lexicon-es.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-sentiment-private.h"

/* The Spanish lexicon of the sentiment analyser, for Spain and Latin
 * America alike: opinion words with a weight from -4 to 4, the words that
 * negate, strengthen or soften them, and the function words that tell
 * Spanish from English. Adjectives are listed in the masculine singular:
 * the table also tries "-a", "-os", "-as", "-es", "-s", "-mente" and the
 * superlative "-ísimo" (chorus-sentiment-table.c). Verbs are listed in the
 * forms people write about brands ("me encanta", "me encantó"). Accents
 * are written but not needed: "rapido" finds "rápido".
 *
 * "poco" alone is a negator here, not a softener: "poco útil" means not
 * useful, while "un poco caro" (a softener) means a little expensive. This
 * is data, never shown as interface text, so it is not translated. */

static const ChorusSentimentWord words[] = {
  /* Amor y entusiasmo */
  { "encanta", 3.0 }, { "encantan", 3.0 }, { "encantó", 3.0 }, { "encantaron", 3.0 },
  { "encantaba", 2.8 }, { "encantará", 2.8 }, { "encantado", 2.6 }, { "encantador", 2.6 },
  { "amo", 3.0 }, { "amé", 3.0 }, { "ama", 2.8 }, { "aman", 2.8 }, { "amamos", 3.0 },
  { "amor", 2.4 }, { "adoro", 3.1 }, { "adoramos", 3.1 }, { "excelente", 3.1 },
  { "perfecto", 3.0 }, { "perfectamente", 2.4 }, { "increíble", 2.8 }, { "maravilloso", 3.1 },
  { "maravilla", 2.8 }, { "de maravilla", 3.0 }, { "fantástico", 3.1 }, { "espectacular", 3.0 },
  { "estupendo", 2.9 }, { "genial", 2.8 }, { "brutal", 2.4 }, { "magnífico", 3.0 },
  { "impresionante", 2.8 }, { "extraordinario", 2.9 }, { "precioso", 2.8 }, { "hermoso", 2.6 },
  { "bonito", 2.2 }, { "lindo", 2.2 }, { "bello", 2.2 }, { "guapo", 2.0 }, { "chulo", 2.1 },
  { "guay", 2.4 }, { "mola", 2.1 }, { "molan", 2.1 }, { "chido", 2.2 }, { "chévere", 2.4 },
  { "bacán", 2.2 }, { "bacano", 2.2 }, { "padrísimo", 2.8 }, { "qué padre", 2.2 },
  { "chingón", 2.4 }, { "de lujo", 2.6 }, { "de diez", 2.8 }, { "un diez", 2.6 },
  { "10 10", 3.0 }, { "cinco estrellas", 2.8 }, { "5 estrellas", 2.8 }, { "lo mejor", 3.0 },
  { "el mejor", 3.0 }, { "la mejor", 3.0 }, { "los mejores", 3.0 }, { "las mejores", 3.0 },
  { "mejor", 1.8 }, { "mejores", 1.8 }, { "una pasada", 2.6 }, { "flipante", 2.6 },
  { "me flipa", 2.6 }, { "de puta madre", 3.0 }, { "cojonudo", 3.0 }, { "lo máximo", 3.0 },
  { "exquisito", 2.9 }, { "delicioso", 2.9 }, { "fenomenal", 2.9 }, { "joya", 2.2 },
  { "una joya", 2.6 }, { "fascinante", 2.8 }, { "fascina", 3.0 }, { "fascinó", 3.0 },
  { "emocionado", 2.3 }, { "emocionante", 2.3 }, { "ilusión", 2.0 }, { "qué ilusión", 2.6 },
  { "gustazo", 2.6 }, { "nada mejor", 2.6 }, { "no hay nada mejor", 2.8 },
  { "no podría estar más feliz", 3.2 }, { "no podría estar mejor", 3.0 },
  { "vale la pena", 2.2 }, { "merece la pena", 2.2 }, { "valió la pena", 2.2 },
  { "vale cada peso", 2.8 }, { "vale cada euro", 2.8 }, { "volveré a comprar", 2.2 },
  { "volveremos", 1.6 }, { "repetiremos", 1.8 }, { "repetiré", 1.8 }, { "volveré", 1.4 },

  /* Bueno, contento, recomendable */
  { "bueno", 1.9 }, { "buen", 1.9 }, { "bien", 1.4 }, { "feliz", 2.6 }, { "felices", 2.6 },
  { "contento", 2.1 }, { "satisfecho", 2.0 }, { "gusta", 2.0 }, { "gustan", 2.0 },
  { "gustó", 2.0 }, { "gustaron", 2.0 }, { "gustado", 2.0 }, { "gustaba", 1.8 },
  { "guste", 1.8 }, { "gusten", 1.8 }, { "gustará", 1.8 }, { "gustaría", 0 },
  { "recomiendo", 2.2 }, { "recomendado", 2.1 }, { "recomendable", 2.1 },
  { "recomendamos", 2.2 }, { "recomendaría", 2.0 }, { "convence", 1.6 }, { "convenció", 1.6 },
  { "rápido", 1.3 }, { "veloz", 1.3 }, { "ágil", 1.3 }, { "fácil", 1.5 }, { "sencillo", 1.2 },
  { "cómodo", 1.9 }, { "práctico", 1.5 }, { "útil", 1.8 }, { "amable", 2.0 },
  { "atento", 1.9 }, { "simpático", 1.9 }, { "eficiente", 1.9 }, { "eficaz", 1.8 },
  { "profesional", 1.5 }, { "rico", 2.2 }, { "sabroso", 2.3 }, { "fresco", 1.2, -1.8 },
  { "limpio", 1.0 }, { "divertido", 2.0 }, { "gracioso", 1.4 }, { "agradable", 2.0 },
  { "gracias", 1.6 }, { "mil gracias", 2.4 }, { "agradecido", 2.3 }, { "agradezco", 2.1 },
  { "agradecemos", 2.1 }, { "felicidades", 2.3 }, { "felicitaciones", 2.3 },
  { "enhorabuena", 2.3 }, { "bravo", 2.2 }, { "qué bien", 2.2 }, { "ideal", 2.0 },
  { "óptimo", 2.0 }, { "confiable", 1.9 }, { "fiable", 1.9 }, { "resistente", 1.5 },
  { "duradero", 1.6 }, { "arreglado", 1.2 }, { "solucionado", 1.4 }, { "resuelto", 1.3 },
  { "mejorado", 1.6 }, { "mejoró", 1.6 }, { "a gusto", 1.6 }, { "acertado", 1.6 },
  { "acierto", 2.0 }, { "éxito", 2.0 }, { "orgulloso", 2.0 }, { "alegría", 2.4 },
  { "alegre", 2.0 }, { "encantadora", 2.6 }, { "genialidad", 2.6 }, { "calidad", 0.6 },
  { "buena calidad", 2.0 }, { "gran calidad", 2.4 }, { "económico", 0.8 }, { "barato", 0.5 },
  { "funciona", 0.9, -2.4 }, { "funcionan", 0.9, -2.4 }, { "funcionó", 0.9, -2.4 },
  { "funcionando", 0.9, -2.4 }, { "funcionar", 0, -2.4 }, { "sirve", 0.5, -2.2 },
  { "sirven", 0.5, -2.2 }, { "respuesta", 0, -1.6 }, { "responde", 0, -1.8 },
  { "responden", 0, -1.8 }, { "contesta", 0, -1.8 }, { "contestan", 0, -1.8 },
  { "respondido", 0.6, -1.8 }, { "contestado", 0.6, -1.8 }, { "ayuda", 0, -1.6 },
  { "ayudan", 0, -1.6 }, { "solucionan", 0, -1.8 }, { "arreglan", 0, -1.8 },
  { "atención", 0, -1.6 }, { "quejo", -1.4 }, { "queja", -1.5 }, { "quejas", -1.5 },
  { "jaja", 1.0 }, { "jeje", 0.8 }, { "jiji", 0.8 }, { "xd", 1.0 }, { "ole", 1.8 },
  { "olé", 1.8 }, { "bendición", 2.0 }, { "tranquilidad", 1.2 }, { "placer", 1.8 },
  { "un placer", 2.2 }, { "seguro", 0.4 }, { "puntual", 1.5 }, { "a tiempo", 1.0 },
  { "buen trabajo", 2.4 }, { "bien hecho", 2.4 }, { "no puedo esperar", 2.4 },

  /* Malo, roto, decepcionante */
  { "odio", -3.0 }, { "odiamos", -3.0 }, { "odian", -3.0 }, { "odié", -3.0 },
  { "horrible", -3.0 }, { "horroroso", -3.0 }, { "terrible", -3.0 }, { "pésimo", -3.2 },
  { "malo", -2.5 }, { "mal", -2.2 }, { "fatal", -2.8 }, { "asco", -3.0 }, { "qué asco", -3.2 },
  { "da asco", -3.2 }, { "asqueroso", -3.2 }, { "repugnante", -3.2 }, { "basura", -2.8 },
  { "mierda", -3.0 }, { "porquería", -2.8 }, { "cutre", -2.0 }, { "desastre", -2.8 },
  { "desastroso", -3.0 }, { "vergüenza", -2.5 }, { "vergonzoso", -2.6 }, { "lamentable", -2.6 },
  { "deplorable", -3.0 }, { "patético", -2.8 }, { "inútil", -2.6 }, { "inservible", -2.6 },
  { "estafa", -3.0 }, { "estafadores", -3.0 }, { "estafaron", -3.0 }, { "timo", -2.6 },
  { "fraude", -3.0 }, { "engaño", -2.5 }, { "engañoso", -2.2 }, { "un robo", -2.6 },
  { "ladrones", -2.8 }, { "decepción", -2.5 }, { "decepcionante", -2.5 },
  { "decepcionado", -2.5 }, { "defraudado", -2.5 }, { "harto", -2.6 }, { "cansado de", -2.2 },
  { "molesto", -1.8 }, { "molestia", -1.5 }, { "enfadado", -2.6 }, { "enojado", -2.6 },
  { "furioso", -3.0 }, { "indignado", -2.6 }, { "indignante", -2.8 }, { "triste", -2.0 },
  { "tristeza", -2.0 }, { "lento", -1.3 }, { "tarde", -1.2 }, { "retraso", -1.5 },
  { "retrasado", -1.5 }, { "demora", -1.5 }, { "roto", -2.0 }, { "rompió", -2.0 },
  { "estropeado", -2.0 }, { "dañado", -2.0 }, { "defectuoso", -2.5 }, { "falla", -1.8 },
  { "fallo", -1.8 }, { "fallos", -1.8 }, { "error", -1.1 }, { "errores", -1.1 },
  { "problema", -1.5 }, { "problemas", -1.5 }, { "caro", -1.4 }, { "peor", -2.2 },
  { "lo peor", -3.2 }, { "el peor", -3.2 }, { "la peor", -3.2 }, { "grosero", -2.6 },
  { "maleducado", -2.6 }, { "incompetente", -2.8 }, { "inaceptable", -2.8 },
  { "ridículo", -2.2 }, { "absurdo", -2.0 }, { "aburrido", -1.8 }, { "insípido", -1.5 },
  { "soso", -1.4 }, { "complicado", -1.1 }, { "difícil", -1.2 }, { "confuso", -1.6 },
  { "dejó de funcionar", -2.6 }, { "me arrepiento", -2.2 }, { "arrepentido", -2.2 },
  { "lástima", -1.6 }, { "qué lástima", -2.0 }, { "una pena", -1.8 }, { "qué pena", -2.0 },
  { "pena", -1.2 }, { "lamentablemente", -1.5 }, { "desafortunadamente", -1.5 },
  { "por desgracia", -1.5 }, { "desgracia", -2.0 }, { "hasta las narices", -2.6 },
  { "hasta el gorro", -2.6 }, { "reclamo", -1.5 }, { "reclamación", -1.2 },
  { "devolución", -0.6 }, { "reembolso", -0.6 }, { "perdido", -1.3 }, { "joder", -2.0 },
  { "puto", -2.0 }, { "maldito", -2.0 }, { "cero estrellas", -3.0 }, { "una estrella", -2.6 },
  { "nunca más", -2.6 }, { "esperando", -0.6 }, { "sigo esperando", -2.0 },
  { "seguimos esperando", -2.0 }, { "sin respuesta", -2.0 }, { "caída", -1.4 },
  { "se cae", -1.6 }, { "se cuelga", -1.8 }, { "cuelga", -1.2 }, { "bloquea", -1.2 },
  { "preocupado", -1.5 }, { "miedo", -1.6 }, { "sucio", -1.8 }, { "feo", -2.4 },
  { "equivocado", -1.6 }, { "incorrecto", -1.5 }, { "faltan", -1.3 }, { "falta", -1.0 },
  { "abusivo", -2.6 }, { "abuso", -2.4 }, { "carísimo", -2.0 }, { "mediocre", -1.6 },
  { "regular", -0.6 }, { "más o menos", -0.6 }, { "ni fu ni fa", -0.6 }, { "meh", -1.0 },
  { "uf", -1.2 }, { "puf", -1.4 }, { "buf", -1.4 }, { "vaya tela", -2.0 },
  { "es increíble que", -1.6 }, { "no puede ser", -1.6 }, { "cobraron dos veces", -2.4 },
  { "gracias por nada", -2.4 }, { "nada especial", -0.8 }, { "nada del otro mundo", -0.6 },
  { "esperando respuesta", -1.8 }, { "poder", 0, -1.4 }, { "puedo", 0, -1.4 },
  { "podemos", 0, -1.4 }, { "entrar", 0, -1.4 }, { "acceder", 0, -1.4 },

  /* Words that look like opinions but are not, in the phrases they mostly
   * come in: weight 0 keeps the parts from counting. */
  { "buenos días", 0 }, { "buenas tardes", 0 }, { "buenas noches", 0 }, { "buen día", 0 },
  { "de nada", 0 }, { "no pasa nada", 0.4 }, { "cara a cara", 0 }, { "poco a poco", 0 },
  { "mal que bien", 0 }, { "la semana pasada", 0 }, { "un saludo", 0 }, { "saludos", 0 },
  { "buen fin de semana", 0.8 }, { "no hay problema", 0.6 }, { "por favor", 0 },
  { "no puedo creer", 0 }, { "fácilmente", 0 },
};

static const ChorusSentimentModifier modifiers[] = {
  { "muy", 1.3 }, { "súper", 1.4 }, { "super", 1.4 }, { "tan", 1.3 }, { "bastante", 1.15 },
  { "demasiado", 1.3 }, { "re", 1.3 }, { "realmente", 1.3 }, { "increíblemente", 1.5 },
  { "totalmente", 1.3 }, { "completamente", 1.3 }, { "absolutamente", 1.4 },
  { "extremadamente", 1.5 }, { "sumamente", 1.5 }, { "tremendamente", 1.5 }, { "mega", 1.3 },
  { "muchísimo", 1.4 }, { "mucho", 1.2 }, { "más", 1.1 }, { "verdaderamente", 1.3 },
  { "francamente", 1.1 }, { "especialmente", 1.2 }, { "particularmente", 1.1 },
  { "altamente", 1.3 }, { "enormemente", 1.4 }, { "profundamente", 1.3 }, { "qué", 1.2 },
  { "puto", 1.4 }, { "jodidamente", 1.4 }, { "bien", 1.2 }, { "sin duda", 1.2 },
  { "de verdad", 1.1 }, { "todo un", 1.2 }, { "toda una", 1.2 }, { "un auténtico", 1.3 },
  { "una auténtica", 1.3 }, { "un verdadero", 1.3 }, { "una verdadera", 1.3 },
  { "menudo", 1.3 }, { "menuda", 1.3 }, { "vaya", 1.2 }, { "gran", 1.2 }, { "enorme", 1.3 },
  { "un poco", 0.6 }, { "un poquito", 0.5 }, { "ligeramente", 0.6 }, { "medio", 0.7 },
  { "casi", 0.8 }, { "un tanto", 0.7 }, { "relativamente", 0.8 },
};

static const ChorusSentimentModifier post_modifiers[] = {
  { "mucho", 1.2 }, { "muchísimo", 1.4 }, { "bastante", 1.15 }, { "demasiado", 1.3 },
  { "un montón", 1.3 }, { "un chingo", 1.3 }, { "de verdad", 1.1 },
};

static const ChorusSentimentModifier negated_modifiers[] = {
  { "nada", 1.3 }, { "para nada", 1.3 }, { "en absoluto", 1.3 }, { "en lo absoluto", 1.3 },
  { "ni un poco", 1.3 },
};

static const char * const negators[] = {
  "no", "nunca", "jamás", "ni", "tampoco", "sin", "nada", "nadie", "ningún", "ninguno",
  "ninguna", "apenas", "poco", "para nada", "ni siquiera", "cero", "en absoluto", "nop",
};

static const char * const nevers[] = {
  "nunca", "jamás",
};

static const char * const contrasts[] = {
  "pero", "sin embargo", "sino", "no obstante", "aun así",
};

static const char * const restrictors[] = {
  "solo", "sólo", "solamente", "únicamente",
};

static const char * const subjects[] = {
  "yo", "nosotros",
};

static const char * const stopwords[] = {
  "el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una", "es", "son", "por",
  "para", "con", "mi", "mis", "se", "lo", "le", "les", "al", "pero", "muy", "está", "están",
  "esta", "este", "esto", "estoy", "hay", "tengo", "tiene", "ya", "su", "sus", "nos", "yo",
  "tu", "fue", "ser", "donde", "dónde", "cuando", "cuándo", "porque", "alguien", "sabe",
  "hola", "gracias", "qué", "cómo", "como", "también", "más", "pero", "eso", "todo", "nada",
  "mucho", "ahora", "hoy", "ayer", "mañana", "nuevo", "nueva", "tienda", "algo", "sin",
};

const ChorusSentimentLexicon _chorus_sentiment_lexicon_es = CHORUS_SENTIMENT_LEXICON;
