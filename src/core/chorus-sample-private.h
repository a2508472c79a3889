/* chorus-sample-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-store-sample-private.h"

G_BEGIN_DECLS

/* The pieces of the sample generator share this header: a seeded random
 * number generator, the phrase banks, the image maker, and the state of one
 * generation run. None of them runs SQL; rows go through the writer. */

#define SAMPLE_DAY (24 * 60 * 60)
#define SAMPLE_HOUR (60 * 60)

/* The low bits of a post key (CHORUS_POST_KEY_SHIFT) break ties between posts
 * of the same second: the inbox stream counts up from 0, the single posts of
 * pre-tests and challenges use the top range. */
#define SAMPLE_STREAM_TIE_MAX 0xEFFF
#define SAMPLE_SINGLE_TIE_BASE 0xF000
#define SAMPLE_SINGLE_TIE_COUNT 0x1000
#define SAMPLE_SINGLE_SERIAL_BASE (G_GUINT64_CONSTANT (1) << 40)

/* --- Random numbers: xoshiro256** seeded by splitmix64 ------------------ */

typedef struct
{
  guint64 s[4];
} ChorusSampleRng;

/* Independent streams of one seed, so that adding a field to one part of
 * the sample does not reshuffle the others. */
typedef enum
{
  SAMPLE_STREAM_TEAM = 1,
  SAMPLE_STREAM_PEOPLE,
  SAMPLE_STREAM_THREADS,
  SAMPLE_STREAM_POSTS,
  SAMPLE_STREAM_PRETESTS,
  SAMPLE_STREAM_CHALLENGES,
  SAMPLE_STREAM_ART,
} ChorusSampleStream;

void     _chorus_sample_rng_init     (ChorusSampleRng *rng,
                                      guint64          seed,
                                      guint64          stream);
guint64  _chorus_sample_rng_next     (ChorusSampleRng *rng);
guint    _chorus_sample_rng_below    (ChorusSampleRng *rng,
                                      guint            bound);
int      _chorus_sample_rng_between  (ChorusSampleRng *rng,
                                      int              low,
                                      int              high);
double   _chorus_sample_rng_double   (ChorusSampleRng *rng);
gboolean _chorus_sample_rng_chance   (ChorusSampleRng *rng,
                                      double           probability);
guint    _chorus_sample_rng_weighted (ChorusSampleRng *rng,
                                      const guint     *weights,
                                      guint            n_weights);
guint64  _chorus_sample_mix          (guint64          a,
                                      guint64          b);

#define SAMPLE_PICK(rng, array) ((array)[_chorus_sample_rng_below ((rng), G_N_ELEMENTS (array))])

/* --- Networks, people, topics ------------------------------------------ */

typedef enum
{
  SAMPLE_MASTODON,
  SAMPLE_BLUESKY,
  SAMPLE_DISCOURSE,
  SAMPLE_FEED,
  SAMPLE_N_NETWORKS
} ChorusSampleNetwork;

typedef struct
{
  gint64              id;
  gint64              person_id;
  ChorusSampleNetwork network;
  gboolean            spanish;
  gint64              source_id;    /* feeds: the source that reads this blog */
  const char         *server;
  const char         *handle;
  const char         *display_name;
} ChorusSampleIdentity;

typedef enum
{
  SAMPLE_TOPIC_ZIPPER,
  SAMPLE_TOPIC_TENT,
  SAMPLE_TOPIC_SIZING,
  SAMPLE_TOPIC_SHIPPING,
  SAMPLE_TOPIC_RETURNS,
  SAMPLE_TOPIC_TRIP,
  SAMPLE_TOPIC_IDEA,
  SAMPLE_TOPIC_CARE,
  SAMPLE_TOPIC_STOCK,
  SAMPLE_N_TOPICS
} ChorusSampleTopic;

typedef enum
{
  SAMPLE_ODD_NONE,
  SAMPLE_ODD_HTML,
  SAMPLE_ODD_LONG,
  SAMPLE_ODD_EMOJI,
} ChorusSampleOddity;

/* --- Phrase banks (chorus-sample-phrases-en.c, chorus-sample-phrases-es.c) */

typedef struct
{
  const char * const *items;
  guint               n_items;
} ChorusSampleBank;

typedef struct
{
  ChorusSampleBank openers;
  ChorusSampleBank bodies;
  ChorusSampleBank details;
  ChorusSampleBank questions;
  ChorusSampleBank closers;
  ChorusSampleBank brand_replies;
  ChorusSampleBank titles;
} ChorusSampleTopicPhrases;

typedef struct
{
  const char               *code;             /* "en", "es" */
  ChorusSampleTopicPhrases  topics[SAMPLE_N_TOPICS];
  ChorusSampleBank          products;         /* {P}: after "my", "the" */
  ChorusSampleBank          zipped;           /* {Z}: things with a zipper */
  ChorusSampleBank          tents;            /* {T} */
  ChorusSampleBank          wearables;        /* {W}: with an article */
  ChorusSampleBank          places;           /* {p} */
  ChorusSampleBank          cities;           /* {C} */
  ChorusSampleBank          colors;           /* {c} */
  ChorusSampleBank          when;             /* {d} */
  ChorusSampleBank          sizes;            /* {s} */
  ChorusSampleBank          emoji;            /* {e} */
  ChorusSampleBank          hashtags;
  ChorusSampleBank          replies;          /* anyone answering anyone */
  ChorusSampleBank          follow_ups;       /* the author, after the brand answered */
  ChorusSampleBank          review_titles;
  ChorusSampleBank          review_openings;
  ChorusSampleBank          review_lines;
  ChorusSampleBank          review_verdicts;
  ChorusSampleBank          review_disclosures;
  ChorusSampleBank          trip_paragraphs;
  ChorusSampleBank          odd_html;
} ChorusSampleLanguage;

const ChorusSampleLanguage *_chorus_sample_phrases_en (void);
const ChorusSampleLanguage *_chorus_sample_phrases_es (void);

/* --- Text (chorus-sample-text.c) ---------------------------------------- */

/* Slot values drawn once and then reused, so that a topic's title and its
 * first post speak of the same product, place and numbers. */
typedef struct
{
  const char *words[9];    /* P Z T W p C c d s */
  int         numbers[3];  /* n N o; 0 until drawn */
} ChorusSampleSticky;

typedef struct
{
  ChorusSampleNetwork  network;
  ChorusSampleTopic    topic;
  gboolean             spanish;
  const char          *brand;       /* how the brand is mentioned on this network */
  const char          *reply_to;    /* "@handle" of the parent's author, or NULL for a root */
  gboolean             from_brand;
  gboolean             follow_up;
  ChorusSampleOddity   oddity;
  guint                odd_index;   /* which odd post, so that each kind shows up in turn */
  ChorusSampleSticky  *sticky;      /* nullable */
} ChorusSampleTextSpec;

void        _chorus_sample_text_compose   (GString                    *text,
                                           ChorusSampleRng            *rng,
                                           const ChorusSampleTextSpec *spec);
void        _chorus_sample_text_title     (GString                    *title,
                                           ChorusSampleRng            *rng,
                                           ChorusSampleTopic           topic,
                                           gboolean                    spanish,
                                           gboolean                    review,
                                           ChorusSampleSticky         *sticky);
void        _chorus_sample_text_html      (GString                    *html,
                                           const char                 *text,
                                           ChorusSampleNetwork         network);
void        _chorus_sample_text_slug      (GString                    *slug,
                                           const char                 *title);
const char *_chorus_sample_topic_tag      (ChorusSampleTopic           topic);

/* --- Images (chorus-sample-art.c) --------------------------------------- */

typedef enum
{
  SAMPLE_ART_TEE,
  SAMPLE_ART_MUG,
  SAMPLE_ART_POSTER,
} ChorusSampleArtKind;

GBytes     *_chorus_sample_art_render     (ChorusSampleArtKind         kind,
                                           const char                 *title,
                                           guint64                     seed,
                                           guint                       size,
                                           GError                    **error);

/* --- One generation run (chorus-sample.c and the sections) -------------- */

#define SAMPLE_N_TEAM 5
#define SAMPLE_N_FEEDS 3

typedef struct
{
  ChorusStore          *store;
  ChorusSampleWriter   *writer;
  GCancellable         *cancellable;
  guint64               seed;
  gint64                anchor;
  guint                 n_posts;

  GStringChunk         *strings;
  gint64                team[SAMPLE_N_TEAM];        /* team[0] is "me" */
  gint64                sources[SAMPLE_N_NETWORKS]; /* the feed entry is the first feed */
  ChorusSampleIdentity  brand[SAMPLE_N_NETWORKS];   /* no brand account on feeds */
  GArray               *identities[SAMPLE_N_NETWORKS];
  GHashTable           *tags;                       /* name → id */

  gint64                next_conversation_id;
  gint64                next_media_id;
  gint64                next_note_id;
  gint64                next_outbox_id;
  gint64                next_audit_id;
  guint                 next_single_post;

  guint                 posts_written;
} ChorusSample;

typedef struct
{
  ChorusSampleNetwork         network;
  const ChorusSampleIdentity *author;
  gint64                      created_at;
  const char                 *text;
  const char                 *subject;
  gboolean                    spanish;
  gboolean                    is_own;
  guint                       likes;
  guint                       reposts;
  guint                       replies;
  int                         status_id;
  /* For a reply: the conversation it joins and the post it answers;
   * 0 and %NULL start a conversation of its own. */
  gint64                      conversation_id;
  const char                 *reply_to_uri;
  /* For a post that starts one: the replies that will join it and when
   * the last comes, so that the conversation counts them. */
  guint                       thread_replies;
  gint64                      last_reply_at;
} ChorusSampleSinglePost;

typedef struct
{
  GString *uri;
  GString *url;
  GString *remote_id;
} ChorusSampleAddress;

void        _chorus_sample_address_init     (ChorusSampleAddress          *address);
void        _chorus_sample_address_clear    (ChorusSampleAddress          *address);
void        _chorus_sample_address_build    (ChorusSampleAddress          *address,
                                             ChorusSampleNetwork           network,
                                             const ChorusSampleIdentity   *author,
                                             guint64                       serial,
                                             gint64                        time,
                                             gint64                        conversation_id,
                                             const char                   *slug,
                                             guint                         number);
const char *_chorus_sample_network_key      (ChorusSampleNetwork           network);
const char *_chorus_sample_brand_mention    (ChorusSampleNetwork           network);
void        _chorus_sample_append_handle    (GString                      *out,
                                             const ChorusSampleIdentity   *identity);
const char *_chorus_sample_intern           (ChorusSample                 *self,
                                             const char                   *text);
const ChorusSampleIdentity *
            _chorus_sample_pick_identity    (ChorusSample                 *self,
                                             ChorusSampleRng              *rng,
                                             ChorusSampleNetwork           network,
                                             double                        skew);
gboolean    _chorus_sample_save_image       (ChorusSample                 *self,
                                             GBytes                       *png,
                                             char                        **sha256,
                                             GError                      **error);
gint64      _chorus_sample_audit            (ChorusSample                 *self,
                                             gint64                        at,
                                             gint64                        actor_id,
                                             const char                   *action,
                                             const char                   *subject_type,
                                             gint64                        subject_id,
                                             const char                   *detail);

void        _chorus_sample_write_team       (ChorusSample                 *self);
void        _chorus_sample_write_people     (ChorusSample                 *self);
gboolean    _chorus_sample_write_pretests   (ChorusSample                 *self,
                                             GError                      **error);
gboolean    _chorus_sample_write_challenges (ChorusSample                 *self,
                                             GError                      **error);
gboolean    _chorus_sample_write_threads    (ChorusSample                 *self,
                                             guint                         n_posts,
                                             GError                      **error);
gboolean    _chorus_sample_write_merge_candidates (ChorusSample           *self,
                                                   GError                **error);
gint64      _chorus_sample_write_single     (ChorusSample                 *self,
                                             const ChorusSampleSinglePost *post,
                                             char                        **uri,
                                             gint64                       *conversation_id);

G_END_DECLS
