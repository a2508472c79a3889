/* chorus-sentiment-lexicon-en.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-sentiment-private.h"

/* The English lexicon of the sentiment analyser, written for what
 * customers say to brands: opinion words with a weight from -4 to 4, the
 * words that negate, strengthen or soften them, and the function words
 * that tell English from Spanish. Regular forms need not be listed: the
 * table also tries a word without "-s", "-es", "-ed", "-ing", "-ly", "-er"
 * and "-est" (chorus-sentiment-table.c). Words that are only an opinion
 * in some senses ("cheap", "hard", "sick") are left out or given a phrase.
 * This is data, never shown as interface text, so it is not translated. */

static const ChorusSentimentWord words[] = {
  /* Love and delight */
  { "love", 3.2 }, { "loved", 3.2 }, { "loving", 2.8 }, { "loves", 3.0 }, { "lovely", 2.8 },
  { "adore", 3.2 }, { "adored", 3.0 }, { "adorable", 2.6 }, { "obsessed", 2.4 },
  { "amazing", 3.1 }, { "amazed", 2.8 }, { "awesome", 3.1 }, { "excellent", 3.1 },
  { "outstanding", 3.2 }, { "perfect", 3.0 }, { "perfectly", 2.4 }, { "fantastic", 3.2 },
  { "wonderful", 3.1 }, { "brilliant", 3.0 }, { "superb", 3.1 }, { "incredible", 2.8 },
  { "phenomenal", 3.2 }, { "exceptional", 3.0 }, { "magnificent", 3.1 }, { "marvelous", 3.0 },
  { "marvellous", 3.0 }, { "spectacular", 3.0 }, { "stellar", 2.8 }, { "flawless", 3.0 },
  { "fabulous", 3.0 }, { "fab", 2.4 }, { "epic", 2.4 }, { "legendary", 2.4 }, { "best", 3.0 },
  { "beautiful", 2.8 }, { "beautifully", 2.6 }, { "gorgeous", 3.0 }, { "stunning", 3.0 },
  { "delightful", 2.9 }, { "delighted", 2.9 }, { "thrilled", 3.0 }, { "ecstatic", 3.2 },
  { "masterpiece", 3.0 }, { "gem", 2.2 }, { "blessed", 2.2 }, { "heavenly", 2.8 },
  { "top notch", 3.0 }, { "blown away", 3.0 }, { "mind blowing", 3.0 }, { "game changer", 2.8 },
  { "10 10", 3.0 }, { "five stars", 2.8 }, { "5 stars", 2.8 }, { "life saver", 2.5 },
  { "lifesaver", 2.5 }, { "second to none", 3.0 }, { "worth every penny", 3.0 },
  { "can't wait", 2.4 }, { "cannot wait", 2.4 }, { "cant wait", 2.4 },
  { "couldn't be happier", 3.2 }, { "could not be happier", 3.2 }, { "couldnt be happier", 3.2 },
  { "couldn't be better", 3.0 }, { "could not be better", 3.0 }, { "never been happier", 3.2 },
  { "never been better", 3.0 }, { "can't recommend enough", 3.2 },
  { "cannot recommend enough", 3.2 }, { "nothing beats", 2.6 }, { "nothing better", 2.6 },
  { "nailed it", 2.8 }, { "hats off", 2.4 }, { "well done", 2.4 }, { "you rock", 2.8 },
  { "rocks", 2.2 }, { "rock solid", 2.4 }, { "on point", 2.2 }, { "spot on", 2.2 },

  /* Good, glad, recommended */
  { "good", 1.9 }, { "great", 2.8 }, { "greatest", 3.0 }, { "nice", 1.8 }, { "nicely", 1.6 },
  { "cool", 1.5 }, { "happy", 2.6 }, { "happier", 2.4 }, { "happily", 2.0 }, { "glad", 2.0 },
  { "pleased", 2.1 }, { "pleasant", 1.8 }, { "pleasure", 2.0 }, { "satisfied", 1.9 },
  { "satisfying", 2.0 }, { "enjoy", 2.2 }, { "enjoyed", 2.2 }, { "enjoyable", 2.2 },
  { "like", 1.8, 0, CHORUS_SENTIMENT_NEEDS_SUBJECT },
  { "liked", 1.8, 0, CHORUS_SENTIMENT_NEEDS_SUBJECT },
  { "likes", 1.8, 0, CHORUS_SENTIMENT_NEEDS_SUBJECT },
  { "recommend", 2.2 }, { "recommended", 2.1 }, { "recommending", 2.1 }, { "fan", 1.8 },
  { "favorite", 2.2 }, { "favourite", 2.2 }, { "fave", 2.2 }, { "impressed", 2.3 },
  { "impressive", 2.5 }, { "better", 1.8 }, { "improved", 1.6 }, { "improvement", 1.3 },
  { "excited", 2.3 }, { "exciting", 2.3 }, { "yay", 2.2 }, { "woohoo", 2.4 }, { "wow", 1.6 },
  { "fun", 2.0 }, { "funny", 1.4 }, { "cute", 2.0 }, { "pretty", 1.8 }, { "sweet", 1.8 },
  { "neat", 1.5 }, { "solid", 1.5 }, { "sturdy", 1.5 }, { "durable", 1.6 }, { "reliable", 1.9 },
  { "comfortable", 1.9 }, { "comfy", 1.9 }, { "cozy", 1.8 }, { "cosy", 1.8 }, { "tasty", 2.3 },
  { "delicious", 2.9 }, { "yummy", 2.6 }, { "scrumptious", 2.8 }, { "fresh", 1.3, -1.8 },
  { "clean", 1.0 }, { "smooth", 1.5 }, { "smoothly", 1.5 }, { "fast", 1.3 }, { "quick", 1.1 },
  { "quickly", 1.1 }, { "speedy", 1.4 }, { "prompt", 1.4 }, { "easy", 1.5 }, { "easily", 1.2 },
  { "simple", 1.0 }, { "intuitive", 1.8 }, { "seamless", 2.0 }, { "effortless", 1.8 },
  { "useful", 1.8 }, { "handy", 1.5 }, { "convenient", 1.6 }, { "helpful", 2.0 },
  { "friendly", 2.0 }, { "kind", 1.6 }, { "polite", 1.6 }, { "courteous", 1.8 },
  { "responsive", 1.6 }, { "attentive", 1.8 }, { "patient", 1.3 }, { "professional", 1.5 },
  { "efficient", 1.8 }, { "generous", 2.0 }, { "fair", 1.0 }, { "honest", 1.5 },
  { "affordable", 1.5 }, { "bargain", 2.0 }, { "worth it", 2.2 }, { "worth the money", 2.2 },
  { "worth the wait", 2.2 }, { "value for money", 2.0 }, { "high quality", 2.2 },
  { "top quality", 2.6 }, { "quality", 0.6 }, { "premium", 1.0 }, { "elegant", 2.0 },
  { "classy", 1.8 }, { "stylish", 1.9 }, { "charming", 2.0 }, { "smart", 1.5 },
  { "clever", 1.7 }, { "genius", 2.5 }, { "refreshing", 2.0 }, { "relaxing", 1.6 },
  { "satisfaction", 1.8 }, { "safe", 1.0 }, { "secure", 1.0 }, { "win", 1.6 }, { "winner", 2.0 },
  { "success", 2.0 }, { "successful", 2.0 }, { "proud", 2.0 }, { "grateful", 2.3 },
  { "thankful", 2.2 }, { "thanks", 1.6 }, { "thank", 1.6 }, { "thx", 1.5 }, { "tysm", 2.2 },
  { "appreciate", 2.0 }, { "appreciated", 2.0 }, { "kudos", 2.2 }, { "congrats", 2.2 },
  { "congratulations", 2.2 }, { "bravo", 2.2 }, { "cheers", 1.2 }, { "hope", 0.8 },
  { "glorious", 2.8 }, { "joy", 2.4 }, { "cheerful", 2.0 }, { "recommendable", 2.0 },
  { "fixed", 1.2 }, { "resolved", 1.3 }, { "solved", 1.3 }, { "sorted", 1.0 },
  { "ok", 0.8 }, { "okay", 0.8 }, { "fine", 0.8 }, { "decent", 1.1 }, { "alright", 0.8 },
  { "works", 0.9, -2.4 }, { "worked", 0.9, -2.4 }, { "working", 0.9, -2.4 },
  { "work", 0, -2.4 }, { "help", 0, -1.6 }, { "helped", 1.4, -1.6 }, { "response", 0, -1.6 },
  { "reply", 0, -1.6 }, { "replied", 0.4, -1.8 }, { "answer", 0, -1.6 }, { "answered", 0.6, -1.8 },
  { "answers", 0, -1.6 }, { "responded", 0.6, -1.8 }, { "respond", 0, -1.6 },
  { "complaints", -1.5 }, { "complaint", -1.5 }, { "complain", -1.4 }, { "lol", 1.0 },
  { "xd", 1.0 }, { "lmao", 1.2 }, { "dope", 2.0 }, { "lit", 1.5 }, { "rad", 1.8 },
  { "yummm", 2.6 }, { "wholesome", 2.2 }, { "heartwarming", 2.6 }, { "must have", 2.2 },
  { "must try", 2.2 }, { "highly recommended", 2.8 },

  /* Bad, broken, disappointing */
  { "hate", -3.0 }, { "hated", -3.0 }, { "hates", -3.0 }, { "hating", -2.8 }, { "loathe", -3.0 },
  { "terrible", -3.0 }, { "terribly", -2.6 }, { "horrible", -3.0 }, { "horribly", -2.6 },
  { "awful", -3.0 }, { "awfully", -2.4 }, { "worst", -3.2 }, { "worse", -2.2 },
  { "bad", -2.5 }, { "badly", -2.2 }, { "poor", -2.0 }, { "poorly", -2.0 },
  { "disgusting", -3.2 }, { "disgusted", -3.0 }, { "gross", -2.5 }, { "nasty", -2.6 },
  { "pathetic", -2.8 }, { "useless", -2.6 }, { "worthless", -2.8 }, { "garbage", -2.8 },
  { "trash", -2.6 }, { "rubbish", -2.6 }, { "crap", -2.6 }, { "crappy", -2.6 }, { "shit", -2.6 },
  { "shitty", -2.8 }, { "scam", -3.0 }, { "scammed", -3.0 }, { "fraud", -3.0 },
  { "ripoff", -2.8 }, { "rip off", -2.8 }, { "nightmare", -2.8 }, { "disaster", -2.8 },
  { "disastrous", -3.0 }, { "appalling", -3.0 }, { "atrocious", -3.2 }, { "abysmal", -3.2 },
  { "dreadful", -3.0 }, { "horrendous", -3.2 }, { "unacceptable", -2.8 },
  { "outrageous", -2.5 }, { "ridiculous", -2.2 }, { "absurd", -2.0 }, { "furious", -3.0 },
  { "livid", -3.0 }, { "infuriating", -3.0 }, { "infuriated", -3.0 }, { "sucks", -2.6 },
  { "suck", -2.6 }, { "sucked", -2.6 }, { "waste", -2.2 }, { "wasted", -2.2 },
  { "waste of time", -2.6 }, { "waste of money", -2.8 }, { "disappointed", -2.5 },
  { "disappointing", -2.5 }, { "disappointment", -2.5 }, { "let down", -2.2 },
  { "letdown", -2.2 }, { "broken", -2.0 }, { "broke", -1.6 }, { "fell apart", -2.4 },
  { "falling apart", -2.4 }, { "ruined", -2.6 }, { "ruin", -2.2 }, { "mediocre", -1.6 },
  { "meh", -1.0 }, { "lame", -1.8 }, { "boring", -1.8 }, { "bland", -1.3 }, { "stale", -1.6 },
  { "slow", -1.3 }, { "slowly", -1.0 }, { "sluggish", -1.6 }, { "laggy", -1.8 }, { "lag", -1.2 },
  { "buggy", -2.0 }, { "bug", -1.1 }, { "glitch", -1.3 }, { "glitchy", -1.8 },
  { "crash", -1.9 }, { "crashes", -1.9 }, { "crashed", -1.9 }, { "crashing", -1.9 },
  { "freezes", -1.8 }, { "frozen", -1.0 }, { "error", -1.1 }, { "errors", -1.1 },
  { "fail", -2.0 }, { "failed", -2.0 }, { "failing", -2.0 }, { "failure", -2.2 },
  { "problem", -1.5 }, { "problems", -1.5 }, { "issue", -1.1 }, { "issues", -1.1 },
  { "trouble", -1.5 }, { "annoying", -2.0 }, { "annoyed", -2.0 }, { "irritating", -2.0 },
  { "frustrating", -2.3 }, { "frustrated", -2.3 }, { "frustration", -2.2 }, { "angry", -2.6 },
  { "mad", -2.2 }, { "upset", -2.2 }, { "sad", -2.0 }, { "unhappy", -2.3 }, { "miserable", -2.8 },
  { "confusing", -1.6 }, { "confused", -1.3 }, { "complicated", -1.1 }, { "difficult", -1.2 },
  { "expensive", -1.4 }, { "overpriced", -2.3 }, { "pricey", -1.2 }, { "rude", -2.6 },
  { "unprofessional", -2.6 }, { "unhelpful", -2.3 }, { "incompetent", -2.8 },
  { "ignored", -2.0 }, { "ignoring", -2.0 }, { "ghosted", -2.2 }, { "damaged", -2.0 },
  { "defective", -2.5 }, { "faulty", -2.3 }, { "missing", -1.3 }, { "lost", -1.2 },
  { "late", -1.3 }, { "delayed", -1.5 }, { "delay", -1.2 }, { "delays", -1.2 },
  { "still waiting", -2.0 }, { "been waiting", -1.4 }, { "waiting", -0.6 }, { "on hold", -1.0 },
  { "leak", -1.5 }, { "leaks", -1.5 }, { "leaking", -1.6 }, { "flimsy", -2.0 },
  { "uncomfortable", -1.8 }, { "ugly", -2.5 }, { "smelly", -2.0 }, { "stinks", -2.5 },
  { "dirty", -1.8 }, { "wrong", -1.6 }, { "mistake", -1.3 }, { "nonsense", -2.0 },
  { "wtf", -2.5 }, { "wth", -2.0 }, { "ugh", -1.6 }, { "argh", -1.6 }, { "damn", -1.5 },
  { "dammit", -2.0 }, { "fuck", -2.6 }, { "fucking", -2.0 }, { "ffs", -2.5 },
  { "fed up", -2.6 }, { "sick of", -2.6 }, { "tired of", -2.0 }, { "regret", -2.0 },
  { "unfortunately", -1.5 }, { "sadly", -1.5 }, { "lousy", -2.5 }, { "shoddy", -2.5 },
  { "subpar", -2.0 }, { "sub par", -2.0 }, { "inferior", -1.8 }, { "unreliable", -2.2 },
  { "unusable", -2.8 }, { "one star", -2.6 }, { "1 star", -2.6 }, { "zero stars", -3.0 },
  { "0 stars", -3.0 }, { "never again", -2.6 }, { "avoid", -1.8 }, { "beware", -2.0 },
  { "dangerous", -2.0 }, { "unsafe", -2.0 }, { "toxic", -2.5 }, { "shame", -2.0 },
  { "shameful", -2.5 }, { "pity", -1.2 }, { "joke", -1.2 }, { "what a joke", -2.4 },
  { "lie", -2.0 }, { "lies", -2.0 }, { "lied", -2.2 }, { "liar", -2.5 }, { "misleading", -2.2 },
  { "overrated", -1.8 }, { "underwhelming", -1.8 }, { "underwhelmed", -1.8 },
  { "hassle", -1.5 }, { "painful", -2.0 }, { "mess", -1.8 }, { "messed up", -2.2 },
  { "screwed up", -2.3 }, { "screwed", -2.0 }, { "dire", -2.2 }, { "unbearable", -2.8 },
  { "cheap", -0.9 }, { "feels cheap", -1.8 }, { "not worth", -2.0 }, { "refund", -0.6 },
  { "cancelled", -1.0 }, { "canceled", -1.0 }, { "cancel", -0.8 }, { "nope", -1.0 },
  { "scary", -1.6 }, { "worried", -1.5 }, { "worrying", -1.6 }, { "concerned", -1.2 },
  { "hurts", -1.5 }, { "hurt", -1.5 }, { "pain", -1.5 }, { "fault", -1.2 }, { "sorry", -0.3 },
  { "thanks for nothing", -2.4 }, { "rip", -1.0 }, { "wasting", -2.0 }, { "weak", -1.4 },
  { "sloppy", -2.0 }, { "careless", -2.0 }, { "inconvenient", -1.5 }, { "struggle", -1.3 },
  { "struggling", -1.4 }, { "stuck", -1.4 }, { "overcharged", -2.4 }, { "charged twice", -2.4 },
  { "grr", -1.6 }, { "eww", -2.4 }, { "yuck", -2.4 }, { "nothing special", -0.8 },
  { "waiting for a reply", -1.8 }, { "waiting for a response", -1.8 },
  { "waiting for an answer", -1.8 }, { "unable", -1.5 }, { "login", 0, -1.6 },
  { "log in", 0, -1.6 }, { "sign in", 0, -1.6 }, { "access", 0, -1.4 },

  /* Words that look like opinions but are not, in the phrases they mostly
   * come in: weight 0 keeps the parts from counting. */
  { "good morning", 0 }, { "good afternoon", 0 }, { "good evening", 0 }, { "good night", 0 },
  { "good luck", 0.6 }, { "pretty much", 0 }, { "kind regards", 0 }, { "best regards", 0 },
  { "all the best", 0.8 }, { "no worries", 0.4 }, { "no problem", 0.6 },
  { "so so", -0.6 }, { "hard to beat", 2.4 }, { "fair enough", 0.4 }, { "easily", 0 },
  { "can't believe", 0 }, { "cannot believe", 0 }, { "cant believe", 0 },
};

static const ChorusSentimentModifier modifiers[] = {
  { "very", 1.3 }, { "really", 1.3 }, { "so", 1.3 }, { "super", 1.4 }, { "extremely", 1.5 },
  { "incredibly", 1.5 }, { "absolutely", 1.4 }, { "totally", 1.3 }, { "completely", 1.3 },
  { "utterly", 1.5 }, { "truly", 1.3 }, { "too", 1.2 }, { "such", 1.2 }, { "such a", 1.2 },
  { "such an", 1.2 }, { "what a", 1.2 }, { "what an", 1.2 }, { "most", 1.3 },
  { "highly", 1.4 }, { "deeply", 1.3 }, { "especially", 1.2 }, { "particularly", 1.2 },
  { "exceptionally", 1.5 }, { "remarkably", 1.3 }, { "seriously", 1.3 }, { "insanely", 1.5 },
  { "ridiculously", 1.4 }, { "unbelievably", 1.5 }, { "amazingly", 1.4 }, { "pretty", 1.15 },
  { "quite", 1.1 }, { "way", 1.2 }, { "much", 1.2 }, { "so much", 1.3 }, { "a lot", 1.2 },
  { "damn", 1.3 }, { "fucking", 1.5 }, { "freaking", 1.4 }, { "frigging", 1.4 },
  { "hella", 1.4 }, { "mega", 1.3 }, { "ultra", 1.3 }, { "huge", 1.3 }, { "massive", 1.3 },
  { "total", 1.3 }, { "complete", 1.3 }, { "absolute", 1.4 }, { "real", 1.2 },
  { "definitely", 1.2 }, { "genuinely", 1.2 }, { "honestly", 1.1 }, { "literally", 1.1 },
  { "even", 1.1 }, { "big", 1.2 }, { "no doubt", 1.2 }, { "terribly", 1.3 }, { "awfully", 1.3 },
  { "slightly", 0.6 }, { "a bit", 0.6 }, { "a little", 0.6 }, { "a little bit", 0.5 },
  { "somewhat", 0.7 }, { "kind of", 0.7 }, { "kinda", 0.7 }, { "sort of", 0.7 },
  { "sorta", 0.7 }, { "fairly", 0.85 }, { "a tad", 0.6 }, { "marginally", 0.6 },
  { "mildly", 0.6 }, { "partly", 0.7 }, { "almost", 0.8 }, { "nearly", 0.8 },
  { "reasonably", 0.85 }, { "relatively", 0.8 },
};

static const ChorusSentimentModifier post_modifiers[] = {
  { "so much", 1.3 }, { "a lot", 1.2 }, { "very much", 1.3 }, { "big time", 1.3 },
  { "a ton", 1.3 }, { "so so much", 1.5 },
};

static const ChorusSentimentModifier negated_modifiers[] = {
  { "at all", 1.3 }, { "whatsoever", 1.3 }, { "in the slightest", 1.3 }, { "one bit", 1.2 },
};

static const char * const negators[] = {
  "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without",
  "hardly", "barely", "scarcely", "cannot", "dont", "doesnt", "didnt", "isnt", "arent",
  "wasnt", "werent", "cant", "couldnt", "wouldnt", "shouldnt", "wont", "havent", "hasnt",
  "hadnt", "aint", "zero", "lack", "lacks", "lacking",
};

static const char * const nevers[] = {
  "never",
};

static const char * const contrasts[] = {
  "but", "however", "nevertheless", "nonetheless", "that said", "even so",
};

static const char * const restrictors[] = {
  "only", "just", "merely",
};

static const char * const subjects[] = {
  "i", "we", "you", "they", "he", "she", "u", "people", "everyone", "everybody", "kids",
  "do", "did", "does", "always", "also", "still", "who", "really", "totally", "definitely",
  "truly", "so", "absolutely", "actually",
};

static const char * const stopwords[] = {
  "the", "and", "is", "are", "was", "were", "be", "been", "to", "of", "it", "its", "it's",
  "i", "i'm", "i've", "you", "your", "this", "that", "with", "for", "my", "have", "has",
  "had", "what", "how", "do", "does", "did", "can", "will", "would", "just", "about",
  "from", "they", "them", "their", "there", "here", "we", "our", "at", "on", "in", "if",
  "or", "an", "so", "get", "got", "any", "anyone", "know", "when", "where", "who", "why",
  "which", "should", "could", "not", "but", "all", "out", "up", "today", "new", "thanks",
  "please", "really", "very", "don't", "can't", "is", "isn't", "yes",
};

const ChorusSentimentLexicon _chorus_sentiment_lexicon_en = CHORUS_SENTIMENT_LEXICON;
