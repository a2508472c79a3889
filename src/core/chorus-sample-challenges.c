/* chorus-sample-challenges.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chorus-sample-private.h"

/* Two design challenges: "Summit Tee 2026", with voting open right now, and
 * "Trail Mug Art", finished, with winners and a reward ledger. Entries are
 * real PNG images drawn by chorus-sample-art.c. Each entry has a hidden
 * quality that steers its community votes and jury scores, so the ranking
 * the app computes looks like a real one rather than noise. */

#define IMAGE_SIZE 512

typedef struct
{
  const char          *title;
  const char          *brief;
  const char          *hashtag;
  const char          *prizes;
  ChorusSampleArtKind  art;
  const char          *scale;
  double               community_weight;
  gint64               opens_days_ago;
  gint64               closes_days_ago;
  gint64               voting_days_ago;
  gint64               voting_days_left;
  guint                min_entries;
  guint                max_entries;
  guint                jury[3];
  gboolean             finished;
} ChallengeSpec;

typedef struct
{
  gint64  id;
  double  quality;
  gint64  submitted_at;
  gint64  origin_post;
  gboolean accepted;
  ChorusSampleNetwork network;
} Entry;

typedef struct
{
  ChorusSample    *sample;
  ChorusSampleRng  rng;
  gint64           next_challenge;
  gint64           next_criterion;
  gint64           next_submission;
  gint64           next_vote;
} Challenges;

static const ChallengeSpec specs[] = {
  {
    "Summit Tee 2026",
    "Design the artwork for next summer's Summit Tee. Mountains, trails, campfires: show us what the "
    "outdoors means to you. One colour or full colour, print area 30 × 40 cm.",
    "SummitTee2026", "€500, a full Tallpine kit, and your name on the tag",
    SAMPLE_ART_TEE, "score5", 0.6, 30, 6, 5, 5, 12, 24, { 0, 1, 2 }, FALSE,
  },
  {
    "Trail Mug Art",
    "Art for the enamel Trail Mug: a wrap-around design that also works in one colour.",
    "TrailMugArt", "€300 and a year of Tallpine gear; 5% of the mug's sales",
    SAMPLE_ART_MUG, "support", 0.5, 120, 95, 94, -80, 12, 16, { 0, 2, 3 }, TRUE,
  },
};

static const char terms[] =
  "Entries must be your own work. By entering you grant Tallpine a licence to print the design "
  "on the product; you keep the copyright.";
static const char eligibility[] =
  "Open to community members aged 18 or over. Tallpine employees may enter but cannot win.";

static const char * const titles[] = {
  "Night Trail", "Summit Sun", "Pine Ridge", "High Camp", "Wild Water", "Trail Lines",
  "Morning Peak", "Lost Coast", "First Light", "Switchback", "Camp Fire", "Ridge Runner",
  "North Star", "Big Sky", "Into the Pines", "Tallpine 26", "Cedar Grove", "Moonrise",
  "Slow Miles", "River Bend", "Alpine Glow", "Quiet Woods", "Up and Over", "Sunset Loop",
};

static const struct
{
  const char *name;
  double      weight;
} criteria[] = {
  { "Originality", 0.4 }, { "Brand fit", 0.3 }, { "Printability", 0.3 },
};

static gint64
write_challenge (Challenges          *ch,
                 const ChallengeSpec *spec)
{
  ChorusSample *sample = ch->sample;
  gint64 id = ch->next_challenge++;
  gint64 anchor = sample->anchor;

  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_CHALLENGE,
              SAMPLE_INT (id), SAMPLE_TEXT (spec->title), SAMPLE_TEXT (spec->brief),
              SAMPLE_TEXT (spec->hashtag), SAMPLE_INT (anchor - spec->opens_days_ago * SAMPLE_DAY),
              SAMPLE_INT (anchor - spec->closes_days_ago * SAMPLE_DAY),
              SAMPLE_INT (anchor - spec->voting_days_ago * SAMPLE_DAY),
              SAMPLE_INT (anchor + spec->voting_days_left * SAMPLE_DAY), SAMPLE_TEXT (terms),
              SAMPLE_TEXT (spec->prizes), SAMPLE_TEXT (eligibility),
              SAMPLE_TEXT (spec->scale), SAMPLE_REAL (spec->community_weight),
              SAMPLE_INT (anchor - (spec->opens_days_ago + 5) * SAMPLE_DAY));

  for (guint i = 0; i < G_N_ELEMENTS (spec->jury); i++)
    SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_JURY_MEMBER,
                SAMPLE_INT (id), SAMPLE_INT (sample->team[spec->jury[i]]));

  return id;
}

static gint64
write_origin_post (Challenges                 *ch,
                   const ChallengeSpec        *spec,
                   const ChorusSampleIdentity *author,
                   const char                 *title,
                   const char                 *sha,
                   gint64                      at)
{
  ChorusSample *sample = ch->sample;
  ChorusSampleRng *rng = &ch->rng;
  const char *brand = _chorus_sample_brand_mention (author->network);
  g_autofree char *text = NULL;
  g_autofree char *alt = g_strdup_printf ("Entry artwork: %s", title);
  g_autofree char *url = g_strdup_printf ("https://files.%s/media/%.16s.png", author->server, sha);
  g_autofree char *preview = g_strdup_printf ("https://files.%s/media/small/%.16s.png",
                                              author->server, sha);
  ChorusSampleSinglePost post = { author->network, author, at };
  gint64 id;

  if (author->spanish)
    text = g_strdup_printf ("Mi propuesta para #%s: «%s» 🎨 ¡Ojalá os guste! %s",
                            spec->hashtag, title, brand);
  else
    text = g_strdup_printf ("My entry for #%s: “%s” 🎨 Hope you like it! %s",
                            spec->hashtag, title, brand);

  post.text = text;
  post.subject = author->network == SAMPLE_DISCOURSE ? alt : NULL;
  post.spanish = author->spanish;
  post.likes = 10 + _chorus_sample_rng_below (rng, 80);
  post.reposts = author->network == SAMPLE_DISCOURSE ? 0 : _chorus_sample_rng_below (rng, 25);
  post.replies = _chorus_sample_rng_below (rng, 12);
  post.status_id = spec->finished ? 4 : 2;

  id = _chorus_sample_write_single (sample, &post, NULL, NULL);
  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_POST_MEDIA,
              SAMPLE_INT (sample->next_media_id++), SAMPLE_INT (id), SAMPLE_TEXT ("image"),
              SAMPLE_TEXT (url), SAMPLE_TEXT (preview), SAMPLE_TEXT (alt), SAMPLE_INT (IMAGE_SIZE),
              SAMPLE_INT (IMAGE_SIZE), SAMPLE_TEXT (sha));
  return id;
}

static const char *
moderation_for (guint                 index,
                guint                 n_entries,
                const ChallengeSpec  *spec,
                const char          **reason)
{
  *reason = NULL;

  if (index == n_entries / 2)
    {
      *reason = spec->finished ? "Low resolution; the artist did not send a larger file."
                               : "Uses another brand's logo.";
      return "rejected";
    }

  /* The newest entries of a running challenge still wait for a look. */
  if (!spec->finished && index >= n_entries - 2)
    return "pending";

  return "accepted";
}

static gboolean
write_entry (Challenges          *ch,
             const ChallengeSpec *spec,
             gint64               challenge,
             guint                index,
             guint                n_entries,
             Entry               *entry,
             GError             **error)
{
  static const guint network_weights[] = { 50, 35, 15 };
  ChorusSample *sample = ch->sample;
  ChorusSampleRng *rng = &ch->rng;
  const char *title = titles[(index * 7 + challenge * 5) % G_N_ELEMENTS (titles)];
  gint64 opens = sample->anchor - spec->opens_days_ago * SAMPLE_DAY;
  double span = (spec->opens_days_ago - spec->closes_days_ago) * SAMPLE_DAY;
  ChorusSampleNetwork network = _chorus_sample_rng_weighted (rng, network_weights, 3);
  const ChorusSampleIdentity *author = _chorus_sample_pick_identity (sample, rng, network, 1.5);
  gboolean from_file = _chorus_sample_rng_chance (rng, 0.25);
  g_autoptr(GBytes) png = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *file = NULL;
  const char *reason;
  const char *moderation = moderation_for (index, n_entries, spec, &reason);

  entry->id = ch->next_submission++;
  entry->quality = _chorus_sample_rng_double (rng);
  /* Entries trickle in over the submission window, in order. */
  entry->submitted_at = opens + (gint64) (span * (index + _chorus_sample_rng_double (rng))
                                          / n_entries);
  entry->accepted = g_str_equal (moderation, "accepted");
  entry->network = network;

  png = _chorus_sample_art_render (spec->art, title, _chorus_sample_mix (sample->seed, entry->id),
                                   IMAGE_SIZE, error);
  if (png == NULL ||
      !_chorus_sample_save_image (sample, png, &sha, error))
    return FALSE;

  if (from_file)
    {
      g_autoptr(GString) slug = g_string_new (NULL);

      _chorus_sample_text_slug (slug, title);
      file = g_strdup_printf ("entries/%s/%s.png", spec->hashtag, slug->str);
    }
  else
    entry->origin_post = write_origin_post (ch, spec, author, title, sha, entry->submitted_at);

  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_SUBMISSION,
              SAMPLE_INT (entry->id), SAMPLE_INT (challenge), SAMPLE_TEXT (title),
              SAMPLE_INT (author->id), SAMPLE_ID (entry->origin_post), SAMPLE_TEXT (file),
              SAMPLE_TEXT (sha), SAMPLE_TEXT ("image/png"), SAMPLE_INT (IMAGE_SIZE),
              SAMPLE_INT (IMAGE_SIZE),
              SAMPLE_INT_IF (entry->accepted, entry->submitted_at + 3 * SAMPLE_HOUR),
              SAMPLE_TEXT (moderation), SAMPLE_TEXT (reason), SAMPLE_INT (entry->submitted_at));
  return TRUE;
}

static guint
coprime_step (ChorusSampleRng *rng,
              guint            n)
{
  for (;;)
    {
      guint step = 1 + _chorus_sample_rng_below (rng, MAX (n - 1, 1));
      guint a = step, b = n;

      while (b != 0)
        {
          guint t = a % b;
          a = b;
          b = t;
        }
      if (a == 1)
        return step;
    }
}

/* Votes come from distinct accounts on the entry's network: walking the
 * pool with a step coprime to its size visits each account at most once,
 * which the votes_once index requires. Entries added by hand were voted on
 * at the kiosk of a store event. */
static void
write_votes (Challenges          *ch,
             const ChallengeSpec *spec,
             const Entry         *entry,
             guint               *excluded_left)
{
  ChorusSample *sample = ch->sample;
  ChorusSampleRng *rng = &ch->rng;
  GArray *pool = sample->identities[entry->network];
  gboolean kiosk = entry->origin_post == 0;
  gboolean score5 = g_str_equal (spec->scale, "score5");
  gint64 opens = sample->anchor - spec->voting_days_ago * SAMPLE_DAY;
  gint64 closes = MIN (sample->anchor - 60, sample->anchor + spec->voting_days_left * SAMPLE_DAY);
  guint wanted = 4 + (guint) (entry->quality * entry->quality * (spec->finished ? 140 : 70));
  guint n = kiosk ? MIN (wanted, 40) : MIN (wanted, pool->len);
  guint start = _chorus_sample_rng_below (rng, pool->len);
  guint step = coprime_step (rng, pool->len);

  for (guint i = 0; i < n; i++)
    {
      guint slot = (guint) ((start + (guint64) i * step) % pool->len);
      const ChorusSampleIdentity *voter = &g_array_index (pool, ChorusSampleIdentity, slot);
      g_autofree char *token = NULL;
      double raw = 1 + 4 * entry->quality + (_chorus_sample_rng_double (rng) - 0.5) * 2.5;
      gint64 cast_at = opens + (gint64) ((closes - opens) * _chorus_sample_rng_double (rng));
      const char *kind;
      const char *reason = NULL;

      if (kiosk)
        {
          kind = "kiosk";
          token = g_strdup_printf ("kiosk-%" G_GINT64_FORMAT "-%03u", entry->id, i);
        }
      else if (score5)
        kind = i % 5 == 4 ? "like" : "reply_score";
      else
        kind = i % 5 == 4 ? "poll" : i % 4 == 3 ? "repost" : "like";

      if (!kiosk && *excluded_left > 0 && i == n / 2)
        reason = --(*excluded_left) == 0 ? "Same person voted from two accounts."
                                         : "Account created after voting opened.";

      SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_VOTE,
                  SAMPLE_INT (ch->next_vote++), SAMPLE_INT (entry->id),
                  SAMPLE_INT_IF (!kiosk, voter->id), SAMPLE_TEXT (token), SAMPLE_TEXT (kind),
                  SAMPLE_REAL_IF (score5 && !g_str_equal (kind, "like"), CLAMP (round (raw), 0, 5)),
                  SAMPLE_INT (cast_at), SAMPLE_ID (g_str_equal (kind, "poll") ? 0 : entry->origin_post),
                  SAMPLE_INT (reason != NULL),
                  SAMPLE_TEXT (reason));
    }
}

static void
write_jury_scores (Challenges          *ch,
                   const ChallengeSpec *spec,
                   const Entry         *entry,
                   gint64               first_criterion,
                   guint                index)
{
  ChorusSample *sample = ch->sample;
  gint64 voting = sample->anchor - spec->voting_days_ago * SAMPLE_DAY;

  for (guint j = 0; j < G_N_ELEMENTS (spec->jury); j++)
    {
      /* Running challenge: the third juror is halfway through. */
      if (!spec->finished && j == 2 && index % 2 == 1)
        continue;

      for (guint c = 0; c < G_N_ELEMENTS (criteria); c++)
        {
          double raw = 2 + entry->quality * 7 + (_chorus_sample_rng_double (&ch->rng) - 0.5) * 3;

          gint64 scored_at = MIN (sample->anchor - 600, voting + (j + 1) * SAMPLE_DAY + index * 900);

          /* Jurors score in half points. */
          SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_JURY_SCORE,
                      SAMPLE_INT (entry->id), SAMPLE_INT (sample->team[spec->jury[j]]),
                      SAMPLE_INT (first_criterion + c),
                      SAMPLE_REAL (CLAMP (round (raw * 2) / 2, 0, 10)), SAMPLE_INT (scored_at));
        }
    }
}

static void
write_reward (Challenges *ch,
              gint64      challenge,
              gint64      id,
              gint64      submission,
              const char *kind,
              const char *description,
              gint64      amount_cents,
              gint64      paid_at)
{
  SAMPLE_ROW (ch->sample->writer, CHORUS_SAMPLE_REWARD,
              SAMPLE_INT (id), SAMPLE_INT (challenge), SAMPLE_INT (submission), SAMPLE_TEXT (kind),
              SAMPLE_TEXT (description), SAMPLE_INT (amount_cents), SAMPLE_TEXT ("EUR"),
              SAMPLE_TEXT (paid_at != 0 ? "paid" : "pending"), SAMPLE_ID (paid_at));
}

static void
write_winners (Challenges          *ch,
               const ChallengeSpec *spec,
               gint64               challenge,
               const Entry         *entries,
               guint                n_entries)
{
  ChorusSample *sample = ch->sample;
  gint64 chosen = sample->anchor + (spec->voting_days_left + 2) * SAMPLE_DAY;
  guint best = 0, second = 1;

  for (guint i = 0; i < n_entries; i++)
    {
      if (!entries[i].accepted)
        continue;
      if (!entries[best].accepted || entries[i].quality > entries[best].quality)
        {
          second = best;
          best = i;
        }
      else if (i != best &&
               (!entries[second].accepted || entries[i].quality > entries[second].quality))
        second = i;
    }

  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_WINNER, SAMPLE_INT (challenge), SAMPLE_INT (1),
              SAMPLE_INT (entries[best].id), SAMPLE_INT (sample->team[0]), SAMPLE_INT (chosen));
  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_WINNER, SAMPLE_INT (challenge), SAMPLE_INT (2),
              SAMPLE_INT (entries[second].id), SAMPLE_INT (sample->team[0]), SAMPLE_INT (chosen));
  write_reward (ch, challenge, 1, entries[best].id, "prize", "€300 and a year of Tallpine gear",
                30000, chosen + 10 * SAMPLE_DAY);
  write_reward (ch, challenge, 2, entries[best].id, "royalty",
                "5% of Trail Mug sales, paid quarterly", 0, 0);
  write_reward (ch, challenge, 3, entries[second].id, "prize", "€100 gift card", 10000, 0);
  _chorus_sample_audit (sample, chosen, sample->team[0], "challenge.winner", "challenge", challenge,
                        "places 1 and 2");
}

static gboolean
write_one_challenge (Challenges          *ch,
                     const ChallengeSpec *spec,
                     GError             **error)
{
  gint64 challenge = write_challenge (ch, spec);
  gint64 first_criterion = ch->next_criterion;
  guint n_entries = (guint) _chorus_sample_rng_between (&ch->rng, (int) spec->min_entries,
                                                        (int) spec->max_entries);
  g_autofree Entry *entries = g_new0 (Entry, n_entries);
  guint excluded_left = 2;

  for (guint c = 0; c < G_N_ELEMENTS (criteria); c++)
    SAMPLE_ROW (ch->sample->writer, CHORUS_SAMPLE_JURY_CRITERION,
                SAMPLE_INT (ch->next_criterion++), SAMPLE_INT (challenge),
                SAMPLE_TEXT (criteria[c].name), SAMPLE_REAL (criteria[c].weight), SAMPLE_INT (c));

  for (guint i = 0; i < n_entries; i++)
    {
      if (!write_entry (ch, spec, challenge, i, n_entries, &entries[i], error))
        return FALSE;
      if (!entries[i].accepted)
        continue;
      write_votes (ch, spec, &entries[i], &excluded_left);
      write_jury_scores (ch, spec, &entries[i], first_criterion, i);
    }

  if (spec->finished)
    write_winners (ch, spec, challenge, entries, n_entries);

  return TRUE;
}

/**
 * _chorus_sample_write_challenges:
 *
 * Writes both challenges with their entries (images included), votes,
 * jury, and for the finished one, winners and rewards.
 *
 * Returns: %FALSE if an image could not be drawn or saved
 */
gboolean
_chorus_sample_write_challenges (ChorusSample  *self,
                                 GError       **error)
{
  Challenges ch = { self };

  _chorus_sample_rng_init (&ch.rng, self->seed, SAMPLE_STREAM_CHALLENGES);
  ch.next_challenge = ch.next_criterion = ch.next_submission = ch.next_vote = 1;

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      if (!write_one_challenge (&ch, &specs[i], error))
        return FALSE;
    }

  return TRUE;
}
