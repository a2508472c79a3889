/* chorus-post-poll.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-format.h"
#include "chorus-post-poll.h"

/* A poll attached to a post, with its results as last read, and what a
 * person reads about them: each option's share and whether the poll is
 * still open. Pure values, so the display decisions are tested without a
 * display. */

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

G_DEFINE_BOXED_TYPE (ChorusPostPoll, chorus_post_poll, chorus_post_poll_copy, chorus_post_poll_free)

static void
clear_option (ChorusPostPollOption *option)
{
  g_clear_pointer (&option->title, g_free);
}

/**
 * chorus_post_poll_new:
 * @voters_count: how many people voted, or -1 when unknown
 * @expires_at: when voting ends (Unix time), or 0
 * @multiple: whether a voter may choose several options
 * @refreshed_at: when the results were read (Unix time), or 0
 *
 * Returns: (transfer full): a poll without options yet
 */
ChorusPostPoll *
chorus_post_poll_new (gint64   voters_count,
                      gint64   expires_at,
                      gboolean multiple,
                      gint64   refreshed_at)
{
  ChorusPostPoll *poll = g_new0 (ChorusPostPoll, 1);

  poll->options = g_array_new (FALSE, FALSE, sizeof (ChorusPostPollOption));
  g_array_set_clear_func (poll->options, (GDestroyNotify) clear_option);
  poll->voters_count = voters_count < 0 ? -1 : voters_count;
  poll->expires_at = MAX (expires_at, 0);
  poll->multiple = !!multiple;
  poll->refreshed_at = MAX (refreshed_at, 0);

  return poll;
}

/**
 * chorus_post_poll_add_option:
 * @poll: a #ChorusPostPoll
 * @title: what the option says
 * @votes: its votes, or -1 while they are hidden
 */
void
chorus_post_poll_add_option (ChorusPostPoll *poll,
                             const char     *title,
                             gint64          votes)
{
  ChorusPostPollOption option;

  g_return_if_fail (poll != NULL);

  option.title = g_strdup (title != NULL ? title : "");
  option.votes = votes < 0 ? -1 : votes;
  g_array_append_val (poll->options, option);
}

ChorusPostPoll *
chorus_post_poll_copy (const ChorusPostPoll *poll)
{
  ChorusPostPoll *copy;

  g_return_val_if_fail (poll != NULL, NULL);

  copy = chorus_post_poll_new (poll->voters_count, poll->expires_at, poll->multiple, poll->refreshed_at);
  for (guint i = 0; i < poll->options->len; i++)
    {
      const ChorusPostPollOption *option = &g_array_index (poll->options, ChorusPostPollOption, i);

      chorus_post_poll_add_option (copy, option->title, option->votes);
    }

  return copy;
}

void
chorus_post_poll_free (ChorusPostPoll *poll)
{
  if (poll == NULL)
    return;

  g_array_unref (poll->options);
  g_free (poll);
}

guint
chorus_post_poll_get_n_options (const ChorusPostPoll *poll)
{
  g_return_val_if_fail (poll != NULL, 0);

  return poll->options->len;
}

/**
 * chorus_post_poll_get_option:
 * @poll: a #ChorusPostPoll
 * @index: which option, from 0
 *
 * Returns: (transfer none): the option
 */
const ChorusPostPollOption *
chorus_post_poll_get_option (const ChorusPostPoll *poll,
                             guint                 index)
{
  g_return_val_if_fail (poll != NULL, NULL);
  g_return_val_if_fail (index < poll->options->len, NULL);

  return &g_array_index (poll->options, ChorusPostPollOption, index);
}

static gint64
sum_votes (const ChorusPostPoll *poll,
           gint64               *max)
{
  gint64 sum = -1;

  *max = -1;
  for (guint i = 0; i < poll->options->len; i++)
    {
      gint64 votes = g_array_index (poll->options, ChorusPostPollOption, i).votes;

      if (votes < 0)
        continue;
      sum = MAX (sum, 0) + votes;
      *max = MAX (*max, votes);
    }

  return sum;
}

/**
 * chorus_post_poll_get_total:
 * @poll: a #ChorusPostPoll
 *
 * What shares are counted against: the votes cast, or for a poll with
 * several choices per voter the people who voted, as the networks show it.
 *
 * Returns: the total, or -1 while the results are hidden
 */
gint64
chorus_post_poll_get_total (const ChorusPostPoll *poll)
{
  gint64 max;
  gint64 sum;

  g_return_val_if_fail (poll != NULL, -1);

  sum = sum_votes (poll, &max);
  if (poll->multiple && poll->voters_count >= 0)
    return poll->voters_count;

  return sum;
}

/**
 * chorus_post_poll_get_share:
 * @poll: a #ChorusPostPoll
 * @index: which option
 *
 * Returns: the option's share of chorus_post_poll_get_total(), between 0
 *   and 1, or -1 while its votes are hidden
 */
double
chorus_post_poll_get_share (const ChorusPostPoll *poll,
                            guint                 index)
{
  const ChorusPostPollOption *option;
  gint64 total;

  g_return_val_if_fail (poll != NULL, -1);
  g_return_val_if_fail (index < poll->options->len, -1);

  option = &g_array_index (poll->options, ChorusPostPollOption, index);
  if (option->votes < 0)
    return -1;

  total = chorus_post_poll_get_total (poll);
  if (total <= 0)
    return 0;

  return CLAMP ((double) option->votes / (double) total, 0.0, 1.0);
}

/**
 * chorus_post_poll_is_leader:
 * @poll: a #ChorusPostPoll
 * @index: which option
 *
 * Returns: whether the option has the most votes (ties lead together);
 *   no option leads a poll without votes
 */
gboolean
chorus_post_poll_is_leader (const ChorusPostPoll *poll,
                            guint                 index)
{
  gint64 max;

  g_return_val_if_fail (poll != NULL, FALSE);
  g_return_val_if_fail (index < poll->options->len, FALSE);

  sum_votes (poll, &max);
  return max > 0 && g_array_index (poll->options, ChorusPostPollOption, index).votes == max;
}

gboolean
chorus_post_poll_is_closed (const ChorusPostPoll *poll,
                            gint64                now)
{
  g_return_val_if_fail (poll != NULL, FALSE);

  return poll->expires_at > 0 && poll->expires_at <= now;
}

static char *
format_votes (const ChorusPostPoll *poll)
{
  gint64 total = chorus_post_poll_get_total (poll);
  g_autofree char *number = NULL;

  if (total < 0)
    return NULL;

  if (!poll->multiple || poll->voters_count < 0)
    return chorus_format_metric_count ("votes", total);

  number = chorus_format_count (total);
  /* Translators: the people who answered a poll with several choices;
   * %s is a number formatted for the locale. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person voted", "%s people voted",
                                       (gulong) MIN (total, G_MAXLONG)),
                          number);
}

static char *
format_time_left (gint64 seconds)
{
  int n;

  /* Rounded up: "Ends in 1 minute" until the very end. */
  if (seconds < HOUR)
    {
      n = (int) MAX ((seconds + MINUTE - 1) / MINUTE, 1);
      /* Translators: how long a poll stays open. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Ends in %d minute", "Ends in %d minutes", n), n);
    }

  if (seconds < DAY)
    {
      n = (int) ((seconds + HOUR - 1) / HOUR);
      /* Translators: how long a poll stays open. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Ends in %d hour", "Ends in %d hours", n), n);
    }

  n = (int) MIN ((seconds + DAY - 1) / DAY, G_MAXINT);
  /* Translators: how long a poll stays open. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Ends in %d day", "Ends in %d days", n), n);
}

/**
 * chorus_post_poll_format_status:
 * @poll: a #ChorusPostPoll
 * @now: the current Unix time
 *
 * The line under a poll's options: how many voted, and whether it is
 * closed or when it ends, such as "1,204 votes · Ends in 2 days".
 *
 * Returns: (transfer full): the text, possibly empty
 */
char *
chorus_post_poll_format_status (const ChorusPostPoll *poll,
                                gint64                now)
{
  g_autofree char *votes = NULL;
  g_autofree char *state = NULL;

  g_return_val_if_fail (poll != NULL, NULL);

  votes = format_votes (poll);

  if (chorus_post_poll_is_closed (poll, now))
    state = g_strdup (C_("poll", "Closed"));
  else if (poll->expires_at > 0)
    state = format_time_left (poll->expires_at - now);

  if (votes != NULL && state != NULL)
    /* Translators: "312 votes · Closed": how many voted, then whether the
     * poll is still open. */
    return g_strdup_printf (C_("poll status", "%s · %s"), votes, state);

  if (votes != NULL)
    return g_steal_pointer (&votes);

  return g_strdup (state != NULL ? state : "");
}
