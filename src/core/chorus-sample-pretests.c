/* chorus-sample-pretests.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chorus-sample-private.h"

/* Four campaigns that show every stage of a pre-test: a running Mastodon
 * poll whose leaders are neck and neck, running variant posts with images,
 * a closed test (forum poll plus ballots counted by hand) with a clear
 * winner and a recorded decision, and a draft. Observations are snapshots
 * of running totals, so each series only grows. */

#define N_SNAPSHOTS 10

typedef struct
{
  ChorusSample    *sample;
  ChorusSampleRng  rng;
  gint64           next_campaign;
  gint64           next_variant;
  gint64           next_run;
  gint64           next_observation;
  gint64           next_poll;
} Pretests;

typedef struct
{
  const char *label;
  const char *body;
} VariantText;

static gint64
add_campaign (Pretests   *pt,
              const char *name,
              const char *goal,
              const char *hypothesis,
              const char *metric,
              const char *state,
              gint64      created,
              gint64      updated)
{
  ChorusSample *sample = pt->sample;
  gint64 id = pt->next_campaign++;

  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_CAMPAIGN,
              SAMPLE_INT (id), SAMPLE_TEXT (name), SAMPLE_TEXT (goal), SAMPLE_TEXT (hypothesis),
              SAMPLE_TEXT (metric), SAMPLE_INT (sample->team[0]), SAMPLE_TEXT (state),
              SAMPLE_INT (created), SAMPLE_INT (updated));
  return id;
}

static gint64
add_variant (Pretests    *pt,
             gint64       campaign,
             guint        position,
             const char  *label,
             const char  *body,
             const char  *image_sha256,
             const char  *image_alt,
             const char  *link_url)
{
  gint64 id = pt->next_variant++;

  SAMPLE_ROW (pt->sample->writer, CHORUS_SAMPLE_VARIANT,
              SAMPLE_INT (id), SAMPLE_INT (campaign), SAMPLE_INT (position), SAMPLE_TEXT (label),
              SAMPLE_TEXT (body), SAMPLE_TEXT (image_sha256), SAMPLE_TEXT (image_alt),
              SAMPLE_TEXT (link_url), SAMPLE_TEXT (image_sha256 != NULL ? "image/png" : NULL));
  return id;
}

static gint64
add_run (Pretests   *pt,
         gint64      campaign,
         const char *instrument,
         gint64      source,
         const char *state,
         gint64      started,
         gint64      ends,
         gint64      closed,
         const char *provenance,
         gint64      refreshed)
{
  gint64 id = pt->next_run++;

  SAMPLE_ROW (pt->sample->writer, CHORUS_SAMPLE_RUN,
              SAMPLE_INT (id), SAMPLE_INT (campaign), SAMPLE_TEXT (instrument), SAMPLE_ID (source),
              SAMPLE_TEXT (state), SAMPLE_INT (started), SAMPLE_INT (ends), SAMPLE_ID (closed),
              SAMPLE_NULL, SAMPLE_TEXT (provenance), SAMPLE_INT (refreshed));
  return id;
}

static void
add_run_post (Pretests *pt,
              gint64    run,
              gint64    variant,
              gint64    source,
              gint64    outbox,
              gint64    post,
              guint     position,
              gint64    scheduled_at)
{
  SAMPLE_ROW (pt->sample->writer, CHORUS_SAMPLE_RUN_POST,
              SAMPLE_INT (run), SAMPLE_INT (variant), SAMPLE_ID (source), SAMPLE_ID (outbox),
              SAMPLE_INT (post), SAMPLE_INT (position), SAMPLE_INT (scheduled_at));
}

/* Snapshots of a running total that reaches @total at @last: polls collect
 * most of their votes early, so the curve is concave. */
static void
add_series (Pretests   *pt,
            gint64      run,
            gint64      variant,
            const char *metric,
            guint       total,
            gint64      first,
            gint64      last,
            guint       n_snapshots,
            const char *provenance)
{
  guint previous = 0;

  for (guint i = 1; i <= n_snapshots; i++)
    {
      double frac = (double) i / n_snapshots;
      double shape = (1 - exp (-3 * frac)) / (1 - exp (-3));
      guint value = i == n_snapshots ? total
                    : (guint) (total * shape * (0.93 + 0.07 * _chorus_sample_rng_double (&pt->rng)));
      gint64 at = first + (gint64) ((last - first) * frac);

      value = MAX (value, previous);
      previous = value;
      SAMPLE_ROW (pt->sample->writer, CHORUS_SAMPLE_OBSERVATION,
                  SAMPLE_INT (pt->next_observation++), SAMPLE_INT (run), SAMPLE_INT (variant),
                  SAMPLE_INT (at), SAMPLE_TEXT (metric), SAMPLE_INT (value),
                  SAMPLE_TEXT (provenance));
    }
}

static void
add_poll (Pretests          *pt,
          gint64             post,
          const char        *remote_id,
          gint64             expires,
          gint64             refreshed,
          const VariantText *options,
          const guint       *votes,
          guint              n_options)
{
  gint64 poll = pt->next_poll++;
  guint voters = 0;

  for (guint i = 0; i < n_options; i++)
    voters += votes[i];

  SAMPLE_ROW (pt->sample->writer, CHORUS_SAMPLE_POLL,
              SAMPLE_INT (poll), SAMPLE_INT (post), SAMPLE_TEXT (remote_id), SAMPLE_INT (expires),
              SAMPLE_INT (0), SAMPLE_INT (voters), SAMPLE_INT (refreshed));

  for (guint i = 0; i < n_options; i++)
    SAMPLE_ROW (pt->sample->writer, CHORUS_SAMPLE_POLL_OPTION,
                SAMPLE_INT (poll), SAMPLE_INT (i), SAMPLE_TEXT (options[i].body),
                SAMPLE_INT (votes[i]));
}

static void
write_tagline (Pretests *pt)
{
  static const VariantText taglines[] = {
    { "Long way round", "Made for the long way round" },
    { "Go further", "Go further, carry less" },
    { "Your trail", "Your trail, your pace" },
  };
  ChorusSample *sample = pt->sample;
  gint64 started = sample->anchor - 3 * SAMPLE_DAY - 5 * SAMPLE_HOUR;
  gint64 refreshed = sample->anchor - 14 * 60;
  guint votes[G_N_ELEMENTS (taglines)];
  gint64 campaign, run, post;
  ChorusSampleSinglePost poll_post = {
    SAMPLE_MASTODON, &sample->brand[SAMPLE_MASTODON], started,
    "Help us pick our spring tagline! Which one would make you grab your pack? 🏔️ #Tallpine",
    NULL, FALSE, TRUE, 0, 0, 0, 2,
  };

  /* A near tie between the first two, with a distant third. */
  votes[0] = 130 + _chorus_sample_rng_below (&pt->rng, 30);
  votes[1] = votes[0] - 2 - _chorus_sample_rng_below (&pt->rng, 7);
  votes[2] = 70 + _chorus_sample_rng_below (&pt->rng, 30);
  poll_post.likes = 40 + _chorus_sample_rng_below (&pt->rng, 30);
  poll_post.reposts = 25 + _chorus_sample_rng_below (&pt->rng, 20);
  poll_post.replies = 9;

  campaign = add_campaign (pt, "Spring tagline",
                           "Pick the tagline for the spring catalogue and the homepage.",
                           "A tagline about going further beats one about the brand's history.",
                           "votes", "running", sample->anchor - 12 * SAMPLE_DAY, refreshed);
  run = add_run (pt, campaign, "mastodon_poll", sample->sources[SAMPLE_MASTODON], "running", started,
                 started + 4 * SAMPLE_DAY, 0, NULL, refreshed);
  post = _chorus_sample_write_single (sample, &poll_post, NULL, NULL);
  add_poll (pt, post, "48213", started + 4 * SAMPLE_DAY, refreshed, taglines, votes,
            G_N_ELEMENTS (taglines));

  for (guint i = 0; i < G_N_ELEMENTS (taglines); i++)
    {
      gint64 variant = add_variant (pt, campaign, i, taglines[i].label, taglines[i].body,
                                    NULL, NULL, NULL);

      add_run_post (pt, run, variant, sample->sources[SAMPLE_MASTODON], 0, post, i, started);
      add_series (pt, run, variant, "votes", votes[i], started + 6 * SAMPLE_HOUR, refreshed,
                  N_SNAPSHOTS, NULL);
    }
}

/* The outbox item through which Chorus published a variant. */
static gint64
add_sent_post (Pretests   *pt,
               gint64      variant,
               const char *body,
               const char *uri,
               gint64      sent_at)
{
  ChorusSample *sample = pt->sample;
  g_autofree char *key = g_strdup_printf ("sample-variant-%" G_GINT64_FORMAT, variant);
  gint64 id = sample->next_outbox_id++;

  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_OUTBOX,
              SAMPLE_INT (id), SAMPLE_INT (sample->sources[SAMPLE_MASTODON]), SAMPLE_TEXT ("post"),
              SAMPLE_NULL, SAMPLE_TEXT (body), SAMPLE_TEXT (key), SAMPLE_TEXT ("sent"),
              SAMPLE_INT (1), SAMPLE_TEXT (uri), SAMPLE_INT (sample->team[1]),
              SAMPLE_INT (sent_at - SAMPLE_HOUR), SAMPLE_INT (sent_at));
  return id;
}

#define N_VISUAL_REPLIES 5

/* What people answered each launch visual's post: the warm artwork wins
 * hearts, the night scene divides them. */
static const char * const visual_replies[][N_VISUAL_REPLIES] = {
  { "Love this, the sunset colours are gorgeous!",
    "Great shot, makes me want to go running right now.",
    "Do they come in wide sizes?",
    "Beautiful. Finally a trail shoe that does not look boring.",
    "Meh, looks like every other outdoor ad." },
  { "Too dark on my phone, I really don't like this one.",
    "This one is moody, I like it!",
    "Is the sole the same as the old Trail Runner?",
    "Honestly boring, the sunset one was better.",
    "Nice, but I can't tell what colour the shoe is." },
};

static void
write_visual_replies (Pretests          *pt,
                      gint64             conversation,
                      const char        *root_uri,
                      gint64             posted,
                      const char * const texts[N_VISUAL_REPLIES])
{
  ChorusSample *sample = pt->sample;

  for (guint r = 0; r < N_VISUAL_REPLIES; r++)
    {
      ChorusSampleSinglePost reply = {
        SAMPLE_MASTODON, _chorus_sample_pick_identity (sample, &pt->rng, SAMPLE_MASTODON, 1.5),
        posted + (r + 1) * 37 * 60, texts[r], NULL, FALSE, FALSE,
        _chorus_sample_rng_below (&pt->rng, 12), 0, 0, 0, conversation, root_uri,
      };

      _chorus_sample_write_single (sample, &reply, NULL, NULL);
    }
}

static gboolean
write_launch_visual (Pretests  *pt,
                     GError   **error)
{
  static const VariantText visuals[] = {
    { "Sunset ridge",
      "Meet the new Trail Runner: grippy, light and ready for anything. #TallpineTrail" },
    { "Night camp",
      "The Trail Runner is here. Built for the long way round. #TallpineTrail" },
  };
  static const char * const metrics[] = { "likes", "reposts", "replies" };
  static const guint totals[][G_N_ELEMENTS (metrics)] = { { 212, 48, 19 }, { 167, 31, 22 } };
  ChorusSample *sample = pt->sample;
  gint64 started = sample->anchor - 2 * SAMPLE_DAY - 3 * SAMPLE_HOUR;
  gint64 refreshed = sample->anchor - 9 * 60;
  gint64 campaign, run;

  campaign = add_campaign (pt, "Trail Runner launch visual",
                           "Choose the launch visual for the Trail Runner shoe.",
                           "The warm sunset artwork gets more likes than the night scene.",
                           "likes", "running", sample->anchor - 6 * SAMPLE_DAY, refreshed);
  run = add_run (pt, campaign, "variant_posts", sample->sources[SAMPLE_MASTODON], "running", started,
                 started + 7 * SAMPLE_DAY, 0, NULL, refreshed);

  for (guint i = 0; i < G_N_ELEMENTS (visuals); i++)
    {
      g_autoptr(GBytes) png = NULL;
      g_autofree char *sha = NULL;
      g_autofree char *alt = g_strdup_printf ("Trail Runner launch artwork, “%s” version",
                                              visuals[i].label);
      g_autofree char *link = g_strdup_printf ("https://tallpine.example/trail-runner?v=%c", 'a' + i);
      g_autofree char *uri = NULL;
      gint64 posted = started + i * 90;
      ChorusSampleSinglePost variant_post = {
        SAMPLE_MASTODON, &sample->brand[SAMPLE_MASTODON], posted, visuals[i].body,
        NULL, FALSE, TRUE, totals[i][0], totals[i][1], totals[i][2], 3,
      };
      gint64 variant, post, outbox, conversation;

      variant_post.thread_replies = N_VISUAL_REPLIES;
      variant_post.last_reply_at = posted + N_VISUAL_REPLIES * 37 * 60;

      png = _chorus_sample_art_render (SAMPLE_ART_POSTER, "Trail Runner",
                                       _chorus_sample_mix (sample->seed, 7100 + i), 512, error);
      if (png == NULL || !_chorus_sample_save_image (sample, png, &sha, error))
        return FALSE;

      variant = add_variant (pt, campaign, i, visuals[i].label, visuals[i].body, sha, alt, link);
      post = _chorus_sample_write_single (sample, &variant_post, &uri, &conversation);
      write_visual_replies (pt, conversation, uri, posted, visual_replies[i]);
      SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_POST_MEDIA,
                  SAMPLE_INT (sample->next_media_id++), SAMPLE_INT (post), SAMPLE_TEXT ("image"),
                  SAMPLE_TEXT ("https://files.social.example/media/trail-runner.png"), SAMPLE_NULL,
                  SAMPLE_TEXT (alt), SAMPLE_INT (512), SAMPLE_INT (512), SAMPLE_TEXT (sha));

      outbox = add_sent_post (pt, variant, visuals[i].body, uri, posted);
      add_run_post (pt, run, variant, sample->sources[SAMPLE_MASTODON], outbox, post, 0, posted);

      for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
        add_series (pt, run, variant, metrics[m], totals[i][m], started + 4 * SAMPLE_HOUR,
                    refreshed, N_SNAPSHOTS, NULL);
    }

  return TRUE;
}

static void
write_shipping_offer (Pretests *pt)
{
  static const VariantText offers[] = {
    { "Over €50", "Free shipping on orders over €50" },
    { "Free weekend", "Free shipping on everything this weekend" },
    { "€10 off", "€10 off your order, shipping extra" },
  };
  static const char ballots[] =
    "Paper ballots at the Valencia store, 12–14 June, counted by Diego Salas";
  ChorusSample *sample = pt->sample;
  gint64 started = sample->anchor - 40 * SAMPLE_DAY;
  gint64 closed = started + 7 * SAMPLE_DAY;
  guint forum[G_N_ELEMENTS (offers)];
  guint store[G_N_ELEMENTS (offers)];
  guint forum_total = 0, store_total = 0;
  g_autofree char *rationale = NULL;
  gint64 campaign, poll_run, manual_run, post, winner = 0;
  ChorusSampleSinglePost poll_post = {
    SAMPLE_DISCOURSE, &sample->brand[SAMPLE_DISCOURSE], started,
    "We're planning the summer sale and would love your input. Which of these offers would you "
    "actually use? Vote below, the poll closes in a week.",
    "Poll: which summer offer would you use?", FALSE, TRUE, 34, 0, 27, 4,
  };

  /* A clear winner, in both instruments. */
  forum[0] = 85 + _chorus_sample_rng_below (&pt->rng, 20);
  forum[1] = 160 + _chorus_sample_rng_below (&pt->rng, 30);
  forum[2] = 35 + _chorus_sample_rng_below (&pt->rng, 15);
  store[0] = 20 + _chorus_sample_rng_below (&pt->rng, 6);
  store[1] = 38 + _chorus_sample_rng_below (&pt->rng, 8);
  store[2] = 7 + _chorus_sample_rng_below (&pt->rng, 5);

  campaign = add_campaign (pt, "Free-shipping offer",
                           "Decide which offer leads the summer sale.",
                           "A simple free-shipping message beats a bigger discount with conditions.",
                           "votes", "closed", started - 5 * SAMPLE_DAY, closed + 2 * SAMPLE_DAY);
  poll_run = add_run (pt, campaign, "discourse_poll", sample->sources[SAMPLE_DISCOURSE], "closed",
                      started, closed, closed, NULL, closed);
  manual_run = add_run (pt, campaign, "manual", 0, "closed", started + SAMPLE_DAY, closed, closed,
                        ballots, closed);
  post = _chorus_sample_write_single (sample, &poll_post, NULL, NULL);
  add_poll (pt, post, "summer_offer", closed, closed, offers, forum, G_N_ELEMENTS (offers));

  for (guint i = 0; i < G_N_ELEMENTS (offers); i++)
    {
      gint64 variant = add_variant (pt, campaign, i, offers[i].label, offers[i].body,
                                    NULL, NULL, NULL);

      if (i == 1)
        winner = variant;
      add_run_post (pt, poll_run, variant, sample->sources[SAMPLE_DISCOURSE], 0, post, i, started);
      add_series (pt, poll_run, variant, "votes", forum[i], started + 12 * SAMPLE_HOUR, closed,
                  N_SNAPSHOTS, NULL);
      add_series (pt, manual_run, variant, "votes", store[i], started + 2 * SAMPLE_DAY, closed,
                  2, ballots);
      forum_total += forum[i];
      store_total += store[i];
    }

  rationale = g_strdup_printf ("“Free weekend” won clearly in the forum poll (%u of %u votes) "
                               "and in the store ballots (%u of %u). We lead the summer sale with "
                               "free shipping on everything for one weekend, and revisit the €50 "
                               "threshold in autumn.",
                               forum[1], forum_total, store[1], store_total);
  SAMPLE_ROW (sample->writer, CHORUS_SAMPLE_DECISION,
              SAMPLE_INT (1), SAMPLE_INT (campaign), SAMPLE_INT (winner),
              SAMPLE_INT (sample->team[0]), SAMPLE_INT (closed + 2 * SAMPLE_DAY),
              SAMPLE_TEXT (rationale));
  _chorus_sample_audit (sample, closed + 2 * SAMPLE_DAY, sample->team[0], "decision.record",
                        "campaign", campaign, "Free weekend");
}

static void
write_newsletter_draft (Pretests *pt)
{
  gint64 created = pt->sample->anchor - 20 * SAMPLE_HOUR;
  gint64 campaign = add_campaign (pt, "Autumn newsletter subject",
                                  "Find the subject line that gets the autumn newsletter opened.",
                                  "", "votes", "draft", created, created);

  add_variant (pt, campaign, 0, "Ten trails", "Ten trails to walk before the snow", NULL, NULL, NULL);
  add_variant (pt, campaign, 1, "Checklist", "Your autumn gear checklist", NULL, NULL, NULL);
}

/**
 * _chorus_sample_write_pretests:
 *
 * Writes the campaigns, their variants, runs, polls, observations and the
 * decision, and the images of the variants that have one.
 *
 * Returns: %FALSE if an image could not be written
 */
gboolean
_chorus_sample_write_pretests (ChorusSample  *self,
                               GError       **error)
{
  Pretests pt = { self };

  _chorus_sample_rng_init (&pt.rng, self->seed, SAMPLE_STREAM_PRETESTS);
  pt.next_campaign = pt.next_variant = pt.next_run = pt.next_observation = pt.next_poll = 1;

  write_tagline (&pt);
  if (!write_launch_visual (&pt, error))
    return FALSE;
  write_shipping_offer (&pt);
  write_newsletter_draft (&pt);

  return TRUE;
}
