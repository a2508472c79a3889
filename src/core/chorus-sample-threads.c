/* chorus-sample-threads.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chorus-question.h"
#include "chorus-sample-private.h"
#include "chorus-sentiment.h"
#include "chorus-store-private.h"

/* The inbox: conversations (a root post and 0–8 replies, some by the brand)
 * over the last sixty days, denser towards the anchor so the newest arrive
 * minutes before it. Each conversation is planned whole when its root's time
 * comes (authors, times, who answers whom) and its posts wait in a heap
 * ordered by time, so posts are written in time order. That keeps the post
 * keys strictly increasing (cheap appends, and the FTS rowid follows time)
 * while memory only holds the conversations still in progress. */

#define MAX_THREAD 9
#define SPAN (60 * SAMPLE_DAY)
#define DENSITY_EXPONENT 1.4
#define CHECK_EVERY 4096
#define COMMIT_EVERY (16 * CHECK_EVERY)
#define OUTBOX_MAX 200
#define AUDIT_MAX 2000
#define FEED_ENTRIES_MAX 400
#define ODD_PERIOD 397
#define SPANISH_SHARE 0.35

typedef struct
{
  gint64                      time;
  gint64                      key;
  const ChorusSampleIdentity *author;
  gint32                      parent;
  guint16                     children;
  guint8                      own;
  guint8                      follow_up;
} PlannedPost;

typedef struct
{
  gint64              id;
  ChorusSampleNetwork network;
  gint64              source_id;
  ChorusSampleTopic   topic;
  gboolean            spanish;
  guint64             serial;
  guint               n_posts;
  guint               pending;
  char               *subject;
  char               *slug;
  char               *root_text;
  PlannedPost         posts[MAX_THREAD];
} Plan;

typedef struct
{
  gint64  time;
  guint64 serial;
  Plan   *plan;
  guint   index;
} Pending;

typedef struct
{
  ChorusSample        *sample;
  ChorusSampleRng      rng;
  GArray              *heap;          /* Pending, the earliest first */
  guint                target;        /* posts to write */
  guint                planned;
  guint                written;
  guint64              next_serial;
  gint64               last_root;
  gint64               next_root;
  gint64               last_time;     /* of the last post written, and */
  guint                tie;           /* how many came before it in that second */
  guint                outbox_left;
  guint                audit_left;
  guint                feed_entries;
  guint                conversations;
  GString             *text;
  GString             *html;
  GString             *parent_uri;
  GString             *scratch;
  ChorusSampleAddress  address;
} Stream;

static const char * const note_bodies[] = {
  "Customer already emailed support, ticket #4821.",
  "Asked the warehouse to check batch 24-11.",
  "Escalated to the product team (zipper supplier).",
  "Offered a 15% voucher; waiting to hear back.",
  "Follow up on Monday if there's no reply.",
  "Great photo: ask for permission to repost.",
  "Same issue as last month's thread; link them together.",
};

static void
plan_address (Stream *st,
              Plan   *plan,
              guint   index)
{
  PlannedPost *post = &plan->posts[index];

  _chorus_sample_address_build (&st->address, plan->network, post->author, plan->serial + index,
                                post->time, plan->id, plan->slug, index + 1);
}

/* --- The heap of posts waiting for their time ---------------------------- */

static gboolean
pending_before (const Pending *a,
                const Pending *b)
{
  return a->time < b->time || (a->time == b->time && a->serial < b->serial);
}

static void
heap_push (GArray  *heap,
           Pending *item)
{
  guint i = heap->len;

  g_array_append_val (heap, *item);
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      Pending *items = (Pending *) heap->data;
      Pending tmp;

      if (!pending_before (&items[i], &items[parent]))
        break;
      tmp = items[i];
      items[i] = items[parent];
      items[parent] = tmp;
      i = parent;
    }
}

static Pending
heap_pop (GArray *heap)
{
  Pending *items = (Pending *) heap->data;
  Pending top = items[0];
  guint i = 0;

  items[0] = items[heap->len - 1];
  g_array_set_size (heap, heap->len - 1);
  items = (Pending *) heap->data;

  for (;;)
    {
      guint left = 2 * i + 1, right = left + 1, least = i;
      Pending tmp;

      if (left < heap->len && pending_before (&items[left], &items[least]))
        least = left;
      if (right < heap->len && pending_before (&items[right], &items[least]))
        least = right;
      if (least == i)
        break;
      tmp = items[i];
      items[i] = items[least];
      items[least] = tmp;
      i = least;
    }

  return top;
}

/* --- Planning a conversation --------------------------------------------- */

static ChorusSampleTopic
pick_topic (ChorusSampleRng     *rng,
            ChorusSampleNetwork  network)
{
  static const guint social[SAMPLE_N_TOPICS] = { 14, 12, 12, 12, 8, 14, 8, 8, 6 };
  static const guint forum[SAMPLE_N_TOPICS] = { 14, 6, 12, 6, 6, 16, 14, 12, 4 };
  static const guint reviews[SAMPLE_N_TOPICS] = { 3, 5, 0, 0, 0, 4, 0, 1, 0 };

  if (network == SAMPLE_FEED)
    return _chorus_sample_rng_weighted (rng, reviews, SAMPLE_N_TOPICS);

  return _chorus_sample_rng_weighted (rng, network == SAMPLE_DISCOURSE ? forum : social,
                                      SAMPLE_N_TOPICS);
}

static double
brand_answers (ChorusSampleTopic topic)
{
  static const double odds[SAMPLE_N_TOPICS] = { 0.7, 0.3, 0.6, 0.7, 0.7, 0.25, 0.5, 0.6, 0.6 };

  return odds[topic];
}

static void
plan_replies (Stream *st,
              Plan   *plan,
              guint   budget)
{
  static const guint reply_weights[] = { 35, 20, 14, 10, 7, 5, 4, 3, 2 };
  ChorusSample *sample = st->sample;
  ChorusSampleRng *rng = &st->rng;
  guint wanted = _chorus_sample_rng_weighted (rng, reply_weights, G_N_ELEMENTS (reply_weights));
  gint64 t = plan->posts[0].time;
  guint n = 1;

  /* Blog entries have no replies that Chorus reads. */
  if (plan->network == SAMPLE_FEED)
    wanted = 0;

  for (; n < MIN (1 + wanted, budget); n++)
    {
      PlannedPost *post = &plan->posts[n];
      const PlannedPost *previous = &plan->posts[n - 1];
      double brand_odds = n == 1 ? brand_answers (plan->topic) : 0.15;

      t += (gint64) (60 * exp (_chorus_sample_rng_double (rng) * 7.5));
      if (t > sample->anchor - 30)
        break;

      post->time = t;
      if (!previous->own && _chorus_sample_rng_chance (rng, brand_odds))
        {
          post->own = TRUE;
          post->author = &sample->brand[plan->network];
          post->parent = (gint32) n - 1;
        }
      else if (previous->own && _chorus_sample_rng_chance (rng, 0.6))
        {
          post->follow_up = TRUE;
          post->author = plan->posts[0].author;
          post->parent = (gint32) n - 1;
        }
      else
        {
          post->author = _chorus_sample_pick_identity (sample, rng, plan->network, 1.2);
          /* Half answer the root, the others anyone before them. */
          post->parent = _chorus_sample_rng_chance (rng, 0.5)
                         ? 0 : (gint32) _chorus_sample_rng_below (rng, n);
        }
      plan->posts[post->parent].children++;
    }

  plan->n_posts = n;
}

/* A few hostile or odd posts, spread through the stream. */
static ChorusSampleOddity
oddity_for (guint ordinal)
{
  switch (ordinal % ODD_PERIOD)
    {
    case 5: return SAMPLE_ODD_HTML;
    case 11: return SAMPLE_ODD_LONG;
    case 23: return SAMPLE_ODD_EMOJI;
    default: return SAMPLE_ODD_NONE;
    }
}

/* The root's text is written with the plan: the conversation row needs to
 * know whether it asks a question, and a topic's title and first post share
 * their product, place and numbers. */
static void
compose_root (Stream             *st,
              Plan               *plan,
              ChorusSampleOddity  oddity,
              guint               ordinal)
{
  ChorusSampleSticky sticky = { { NULL } };
  ChorusSampleTextSpec spec = { plan->network, plan->topic, plan->spanish,
                                _chorus_sample_brand_mention (plan->network), NULL, FALSE, FALSE,
                                oddity, ordinal / ODD_PERIOD, &sticky };
  ChorusSampleRng rng;

  _chorus_sample_rng_init (&rng, st->sample->seed, SAMPLE_STREAM_POSTS + (plan->serial << 8));

  if (plan->network == SAMPLE_DISCOURSE || plan->network == SAMPLE_FEED)
    {
      g_string_truncate (st->scratch, 0);
      _chorus_sample_text_title (st->scratch, &rng, plan->topic, plan->spanish,
                                 plan->network == SAMPLE_FEED, &sticky);
      plan->subject = g_strdup (st->scratch->str);
      g_string_truncate (st->scratch, 0);
      _chorus_sample_text_slug (st->scratch, plan->subject);
      plan->slug = g_strdup (st->scratch->str);
    }

  g_string_truncate (st->text, 0);
  _chorus_sample_text_compose (st->text, &rng, &spec);
  plan->root_text = g_strdup (st->text->str);
}

static Plan *
plan_conversation (Stream *st,
                   gint64  root_time,
                   guint   budget)
{
  static const guint network_weights[SAMPLE_N_NETWORKS] = { 42, 32, 20, 6 };
  ChorusSample *sample = st->sample;
  ChorusSampleRng *rng = &st->rng;
  Plan *plan = g_new0 (Plan, 1);
  ChorusSampleOddity oddity;
  const ChorusSampleIdentity *author = NULL;
  guint ordinal;

  plan->id = sample->next_conversation_id++;
  ordinal = st->conversations++;
  oddity = oddity_for (ordinal);
  plan->network = _chorus_sample_rng_weighted (rng, network_weights, SAMPLE_N_NETWORKS);
  /* Three blogs only write so much. */
  if (plan->network == SAMPLE_FEED && st->feed_entries++ >= FEED_ENTRIES_MAX)
    plan->network = SAMPLE_MASTODON;
  if (oddity == SAMPLE_ODD_LONG && plan->network != SAMPLE_FEED)
    plan->network = SAMPLE_DISCOURSE;
  else if (oddity == SAMPLE_ODD_EMOJI || oddity == SAMPLE_ODD_HTML)
    plan->network = SAMPLE_MASTODON;

  /* About a third of the conversations are in Spanish, whoever posts most:
   * the author is drawn until one writes in the chosen language. */
  plan->spanish = _chorus_sample_rng_chance (rng, SPANISH_SHARE);
  for (guint tries = 0; tries < 8; tries++)
    {
      author = _chorus_sample_pick_identity (sample, rng, plan->network,
                                             plan->network == SAMPLE_FEED ? 1.0 : 1.5);
      if (author->spanish == plan->spanish)
        break;
    }
  plan->source_id = author->source_id;
  plan->topic = pick_topic (rng, plan->network);
  plan->serial = st->next_serial;
  plan->posts[0].time = root_time;
  plan->posts[0].author = author;
  plan->posts[0].parent = -1;

  plan_replies (st, plan, budget);
  st->next_serial += plan->n_posts;
  plan->pending = plan->n_posts;

  compose_root (st, plan, oddity, ordinal);
  return plan;
}

/* --- Triage state ---------------------------------------------------------- */

static int
pick_status (ChorusSampleRng *rng,
             gint64           age,
             gboolean         brand_last)
{
  static const guint fresh[] = { 60, 25, 10, 5 };
  static const guint recent[] = { 15, 25, 20, 40 };
  static const guint old[] = { 4, 6, 5, 85 };
  const guint *weights = age < 2 * SAMPLE_DAY ? fresh : age < 14 * SAMPLE_DAY ? recent : old;
  int status = 1 + (int) _chorus_sample_rng_weighted (rng, weights, 4);

  /* Once the brand has answered, the ball is in the customer's court. */
  if (brand_last && status == 1)
    status = 3;

  return status;
}

static gint64
pick_assignee (Stream *st,
               int     status)
{
  ChorusSampleRng *rng = &st->rng;
  double odds = status == 2 || status == 3 ? 0.7 : status == 4 ? 0.5 : 0.05;

  if (!_chorus_sample_rng_chance (rng, odds))
    return 0;

  /* "Me" gets the biggest share; the viewer (the last member) gets none. */
  return st->sample->team[_chorus_sample_rng_weighted (rng, (const guint[]) { 30, 25, 25, 20 }, 4)];
}

static gint64
tag_id (ChorusSample *sample,
        const char   *name)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (sample->tags, name));
}

static void
write_conversation_extras (Stream *st,
                           Plan   *plan,
                           int     status,
                           gint64  assignee,
                           int     priority,
                           gint64  last)
{
  ChorusSample *sample = st->sample;
  ChorusSampleRng *rng = &st->rng;
  const char *tag = _chorus_sample_topic_tag (plan->topic);

  if (tag != NULL && _chorus_sample_rng_chance (rng, 0.75))
    SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_CONVERSATION_TAG,
                SAMPLE_INT (plan->id), SAMPLE_INT (tag_id (sample, tag)));
  if (priority == 2)
    SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_CONVERSATION_TAG,
                SAMPLE_INT (plan->id), SAMPLE_INT (tag_id (sample, "urgent")));

  if ((status == 2 || status == 3) && _chorus_sample_rng_chance (rng, 0.02))
    SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_NOTE,
                SAMPLE_INT (sample->next_note_id++), SAMPLE_INT (plan->id), SAMPLE_NULL,
                SAMPLE_INT (assignee ? assignee : sample->team[0]),
                SAMPLE_TEXT (SAMPLE_PICK (rng, note_bodies)),
                SAMPLE_INT (MIN (sample->anchor, last + 60 + _chorus_sample_rng_below (rng, 7200))));

  if (assignee != 0 && st->audit_left > 0 && _chorus_sample_rng_chance (rng, 0.05))
    {
      st->audit_left--;
      _chorus_sample_audit (sample, MIN (sample->anchor, last + 120), assignee,
                            "conversation.status", "conversation", plan->id,
                            status == 4 ? "done" : status == 3 ? "waiting" : "open");
    }
}

static gboolean
pick_unread (ChorusSampleRng *rng,
             int              status,
             gint64           age)
{
  if (status == 1)
    return age < 3 * SAMPLE_DAY && _chorus_sample_rng_chance (rng, age < SAMPLE_DAY ? 0.95 : 0.7);

  return age < SAMPLE_DAY && _chorus_sample_rng_chance (rng, 0.4);
}

static void
write_conversation (Stream *st,
                    Plan   *plan)
{
  ChorusSample *sample = st->sample;
  ChorusSampleRng *rng = &st->rng;
  const PlannedPost *last = &plan->posts[plan->n_posts - 1];
  gint64 age = sample->anchor - last->time;
  int status = pick_status (rng, age, last->own);
  gint64 assignee = pick_assignee (st, status);
  gboolean urgent = _chorus_sample_rng_chance (rng, 0.03);
  int priority = urgent ? 1 + (plan->topic == SAMPLE_TOPIC_ZIPPER) : 0;
  /* What the analyser finds, as ingest would; now and then someone
   * corrected it. */
  int sentiment = chorus_sentiment_classify (plan->root_text, plan->spanish ? "es" : "en");
  gboolean overridden = _chorus_sample_rng_chance (rng, 0.01);

  plan_address (st, plan, 0);
  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_CONVERSATION,
              SAMPLE_INT (plan->id), SAMPLE_INT (plan->source_id),
              SAMPLE_TEXT (_chorus_sample_network_key (plan->network)),
              SAMPLE_TEXT (st->address.uri->str), SAMPLE_TEXT (plan->subject),
              SAMPLE_INT (plan->posts[0].time), SAMPLE_INT (last->time), SAMPLE_INT (plan->n_posts),
              SAMPLE_INT (status), SAMPLE_ID (assignee), SAMPLE_INT (priority),
              SAMPLE_INT (sentiment),
              SAMPLE_INT_IF (overridden, -sentiment),
              SAMPLE_INT (chorus_question_detect (plan->root_text, plan->spanish ? "es" : "en")),
              SAMPLE_INT (pick_unread (rng, status, age)),
              SAMPLE_TEXT (plan->spanish ? "es" : "en"));
  write_conversation_extras (st, plan, status, assignee, priority, last->time);
  g_clear_pointer (&plan->subject, g_free);
}

/* --- Writing posts ----------------------------------------------------------- */

static void
compose_post (Stream *st,
              Plan   *plan,
              guint   index)
{
  PlannedPost *post = &plan->posts[index];
  ChorusSampleTextSpec spec = { plan->network, plan->topic, plan->spanish,
                                _chorus_sample_brand_mention (plan->network), NULL, post->own,
                                post->follow_up, SAMPLE_ODD_NONE, 0, NULL };
  ChorusSampleRng rng;

  g_string_truncate (st->text, 0);
  if (index == 0)
    {
      g_string_append (st->text, plan->root_text);
      g_clear_pointer (&plan->root_text, g_free);
      return;
    }

  g_string_truncate (st->scratch, 0);
  _chorus_sample_append_handle (st->scratch, plan->posts[post->parent].author);
  spec.reply_to = st->scratch->str;
  _chorus_sample_rng_init (&rng, st->sample->seed,
                           SAMPLE_STREAM_POSTS + ((plan->serial + index) << 8));
  _chorus_sample_text_compose (st->text, &rng, &spec);
}

static void
compose_html (Stream *st,
              Plan   *plan)
{
  g_string_truncate (st->html, 0);

  if (plan->network == SAMPLE_BLUESKY)
    return;

  /* Hostile markup reaches the app as the server sent it. */
  if (strchr (st->text->str, '<') != NULL)
    g_string_append_printf (st->html, "<p>%s</p>", st->text->str);
  else
    _chorus_sample_text_html (st->html, st->text->str, plan->network);
}

static guint
skewed_count (ChorusSampleRng *rng,
              double           scale)
{
  return (guint) (exp (_chorus_sample_rng_double (rng) * scale) - 1);
}

static void
write_outbox (Stream      *st,
              Plan        *plan,
              PlannedPost *post)
{
  ChorusSample *sample = st->sample;
  g_autofree char *key = g_strdup_printf ("sample-%016" G_GINT64_MODIFIER "x",
                                          _chorus_sample_mix (sample->seed, post->key));

  st->outbox_left--;
  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_OUTBOX,
              SAMPLE_INT (sample->next_outbox_id++), SAMPLE_INT (plan->source_id),
              SAMPLE_TEXT ("reply"), SAMPLE_INT (plan->posts[post->parent].key),
              SAMPLE_TEXT (st->text->str), SAMPLE_TEXT (key), SAMPLE_TEXT ("sent"), SAMPLE_INT (1),
              SAMPLE_TEXT (st->address.uri->str),
              SAMPLE_INT (sample->team[_chorus_sample_rng_below (&st->rng, 4)]),
              SAMPLE_INT (post->time - 2), SAMPLE_INT (post->time));
}

/* Gives @post its key: its second, and a tie-breaker counting the posts
 * already written in that second. */
static void
assign_key (Stream      *st,
            PlannedPost *post)
{
  if (post->time > st->last_time)
    {
      st->last_time = post->time;
      st->tie = 0;
    }
  else if (st->tie < SAMPLE_STREAM_TIE_MAX)
    {
      post->time = st->last_time;
      st->tie++;
    }
  else
    {
      /* More than 61,440 posts in one second spill into the next. */
      post->time = ++st->last_time;
      st->tie = 0;
    }

  post->key = (post->time << CHORUS_POST_KEY_SHIFT) | st->tie;
}

static void
write_post (Stream *st,
            Plan   *plan,
            guint   index)
{
  ChorusSample *sample = st->sample;
  ChorusSampleRng *rng = &st->rng;
  PlannedPost *post = &plan->posts[index];
  gboolean social = plan->network == SAMPLE_MASTODON || plan->network == SAMPLE_BLUESKY;
  guint likes = plan->network == SAMPLE_FEED ? 0 : skewed_count (rng, index == 0 ? 4.5 : 2.5);
  guint reposts = social ? (guint) (likes * 0.3 * _chorus_sample_rng_double (rng)) : 0;
  gint64 edited = post->time + 60 + _chorus_sample_rng_below (rng, 3600);
  gint64 fetched = post->time + 30 + _chorus_sample_rng_below (rng, 900);

  if (!_chorus_sample_rng_chance (rng, 0.03) || edited >= sample->anchor)
    edited = 0;

  assign_key (st, post);
  compose_post (st, plan, index);
  compose_html (st, plan);
  if (index > 0)
    {
      plan_address (st, plan, post->parent);
      g_string_assign (st->parent_uri, st->address.uri->str);
    }
  plan_address (st, plan, index);

  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_POST,
              SAMPLE_INT (post->key), SAMPLE_INT (plan->source_id), SAMPLE_INT (plan->id),
              SAMPLE_TEXT (st->address.remote_id->str), SAMPLE_TEXT (st->address.uri->str),
              SAMPLE_TEXT (st->address.url->str), SAMPLE_INT (post->author->id),
              SAMPLE_INT (post->time), SAMPLE_ID (edited),
              SAMPLE_TEXT (plan->spanish ? "es" : "en"), SAMPLE_TEXT (st->text->str),
              SAMPLE_TEXT (st->html->len > 0 ? st->html->str : NULL),
              SAMPLE_TEXT (index > 0 ? st->parent_uri->str : NULL), SAMPLE_INT (post->own),
              SAMPLE_INT (likes), SAMPLE_INT (reposts), SAMPLE_INT (post->children),
              SAMPLE_INT (MIN (sample->anchor, fetched)));

  if (post->own && st->outbox_left > 0 && post->time > sample->anchor - 7 * SAMPLE_DAY)
    write_outbox (st, plan, post);

  sample->posts_written++;
  st->written++;
}

static gint64
next_root_time (Stream *st)
{
  ChorusSample *sample = st->sample;
  double left = 1.0 - (double) st->planned / MAX (st->target, 1);
  gint64 back = (gint64) (SPAN * pow (left, DENSITY_EXPONENT));
  gint64 jitter = (gint64) _chorus_sample_rng_below (&st->rng, 1 + (guint) MIN (back / 50, 3600));
  gint64 time = sample->anchor - 60 - back + jitter;

  time = MIN (time, sample->anchor - 60);
  st->last_root = MAX (st->last_root, time);
  return st->last_root;
}

static void
start_conversation (Stream *st)
{
  Plan *plan = plan_conversation (st, st->next_root, st->target - st->planned);

  st->planned += plan->n_posts;
  write_conversation (st, plan);

  for (guint i = 0; i < plan->n_posts; i++)
    {
      Pending item = { plan->posts[i].time, plan->serial + i, plan, i };

      heap_push (st->heap, &item);
    }

  if (st->planned < st->target)
    st->next_root = next_root_time (st);
}

static void
write_tags (ChorusSample *self)
{
  static const struct { const char *name; const char *color; } tags[] = {
    { "defect", "#e01b24" }, { "praise", "#2ec27e" }, { "sizing", "#3584e4" },
    { "shipping", "#f6d32d" }, { "returns", "#ff7800" }, { "idea", "#9141ac" },
    { "trip-report", "#26a269" }, { "urgent", "#c01c28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      SAMPLE_ROW (self->writer, CHORUS_SAMPLE_TAG,
                  SAMPLE_INT (i + 1), SAMPLE_TEXT (tags[i].name), SAMPLE_TEXT (tags[i].color));
      g_hash_table_insert (self->tags, (gpointer) tags[i].name, GSIZE_TO_POINTER (i + 1));
    }
}

/* The reply box's saved answers, as a team would keep them. */
static void
write_saved_replies (ChorusSample *self)
{
  static const struct { const char *name; const char *body; } replies[] = {
    { "Thanks", "Thanks so much, {name}! We passed this on to the whole team." },
    { "Looking into it", "Thanks for letting us know, {name}. We are looking into it and will get back to "
                         "you here." },
    { "Send us a DM", "Sorry about that, {name}. Could you send us a DM with your order number? We will "
                      "sort it out from there." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    SAMPLE_ROW (self->writer, CHORUS_SAMPLE_SAVED_REPLY, SAMPLE_INT (i + 1), SAMPLE_TEXT (replies[i].name),
                SAMPLE_TEXT (replies[i].body), SAMPLE_INT (i), SAMPLE_INT (self->anchor));
}

static void
plan_free (Plan *plan)
{
  g_free (plan->subject);
  g_free (plan->slug);
  g_free (plan->root_text);
  g_free (plan);
}

static void
stream_clear (Stream *st)
{
  while (st->heap->len > 0)
    {
      Pending item = heap_pop (st->heap);

      if (--item.plan->pending == 0)
        plan_free (item.plan);
    }

  g_array_unref (st->heap);
  g_string_free (st->text, TRUE);
  g_string_free (st->html, TRUE);
  _chorus_sample_address_clear (&st->address);
  g_string_free (st->parent_uri, TRUE);
  g_string_free (st->scratch, TRUE);
}

static gboolean
check_progress (Stream  *st,
                GError **error)
{
  if (st->written % COMMIT_EVERY == 0)
    _chorus_sample_writer_commit (st->sample->writer);

  return !g_cancellable_set_error_if_cancelled (st->sample->cancellable, error) &&
         _chorus_sample_writer_check (st->sample->writer, error);
}

/**
 * _chorus_sample_write_threads:
 * @self: the run
 * @n_posts: how many posts to write
 * @error: a location for a #GError
 *
 * Writes the tags and the inbox's conversations and posts.
 *
 * Returns: %FALSE if cancelled or if a row could not be written
 */
gboolean
_chorus_sample_write_threads (ChorusSample  *self,
                              guint          n_posts,
                              GError       **error)
{
  Stream st = { self };
  gboolean ok = TRUE;

  _chorus_sample_rng_init (&st.rng, self->seed, SAMPLE_STREAM_THREADS);
  st.heap = g_array_new (FALSE, FALSE, sizeof (Pending));
  st.target = n_posts;
  st.outbox_left = OUTBOX_MAX;
  st.audit_left = AUDIT_MAX;
  st.last_root = G_MININT64;
  st.last_time = G_MININT64;
  st.text = g_string_sized_new (8192);
  st.html = g_string_sized_new (8192);
  _chorus_sample_address_init (&st.address);
  st.parent_uri = g_string_new (NULL);
  st.scratch = g_string_new (NULL);

  write_tags (self);
  write_saved_replies (self);
  if (st.target > 0)
    st.next_root = next_root_time (&st);

  while (ok && (st.planned < st.target || st.heap->len > 0))
    {
      Pending item;

      /* A conversation is planned as soon as its root is the next post due. */
      if (st.planned < st.target &&
          (st.heap->len == 0 || st.next_root <= ((Pending *) st.heap->data)[0].time))
        {
          start_conversation (&st);
          continue;
        }

      item = heap_pop (st.heap);
      write_post (&st, item.plan, item.index);
      if (--item.plan->pending == 0)
        plan_free (item.plan);

      if (st.written % CHECK_EVERY == 0)
        ok = check_progress (&st, error);
    }

  stream_clear (&st);
  return ok && _chorus_sample_writer_check (self->writer, error);
}
