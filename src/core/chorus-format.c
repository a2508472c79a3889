/* chorus-format.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "chorus-format.h"

/* What a person reads for the values the store keeps as keys. Pure
 * functions, so they are tested without a display. */

/**
 * chorus_format_handle:
 * @network: the network key
 * @handle: (nullable): the account name on that network
 * @server: (nullable): the instance or forum host
 *
 * Returns: (transfer full) (nullable): the handle as the network shows it
 */
char *
chorus_format_handle (const char *network,
                      const char *handle,
                      const char *server)
{
  if (handle == NULL || *handle == '\0')
    return NULL;

  if (g_strcmp0 (network, "mastodon") == 0 && server != NULL && *server != '\0')
    return g_strdup_printf ("@%s@%s", handle, server);

  if (g_strcmp0 (network, "feed") == 0)
    return g_strdup (server != NULL && *server != '\0' ? server : handle);

  /* Someone who sent an entry by hand, known by their address. */
  if (g_strcmp0 (network, "email") == 0)
    return g_strdup (handle);

  return g_strdup_printf ("@%s", handle);
}

const char *
chorus_format_network (const char *network)
{
  if (g_strcmp0 (network, "mastodon") == 0)
    return C_("network", "Mastodon");
  if (g_strcmp0 (network, "bluesky") == 0)
    return C_("network", "Bluesky");
  if (g_strcmp0 (network, "discourse") == 0)
    return C_("network", "Forum");
  if (g_strcmp0 (network, "feed") == 0)
    return C_("network", "Feed");
  if (g_strcmp0 (network, "email") == 0)
    return C_("network", "Email");

  return C_("network", "Other");
}

const char *
chorus_format_status (const char *builtin,
                      const char *custom_name)
{
  if (custom_name != NULL && *custom_name != '\0')
    return custom_name;
  if (g_strcmp0 (builtin, "new") == 0)
    return C_("conversation status", "New");
  if (g_strcmp0 (builtin, "open") == 0)
    return C_("conversation status", "Open");
  if (g_strcmp0 (builtin, "waiting") == 0)
    return C_("conversation status", "Waiting");
  if (g_strcmp0 (builtin, "done") == 0)
    return C_("conversation status", "Done");

  return C_("conversation status", "Unknown");
}

const char *
chorus_format_campaign_state (const char *state)
{
  if (g_strcmp0 (state, "draft") == 0)
    return C_("campaign state", "Draft");
  if (g_strcmp0 (state, "running") == 0)
    return C_("campaign state", "Running");
  if (g_strcmp0 (state, "paused") == 0)
    return C_("campaign state", "Paused");
  if (g_strcmp0 (state, "closed") == 0)
    return C_("campaign state", "Closed");
  if (g_strcmp0 (state, "archived") == 0)
    return C_("campaign state", "Archived");

  return C_("campaign state", "Unknown");
}

const char *
chorus_format_instrument (const char *instrument)
{
  if (g_strcmp0 (instrument, "mastodon_poll") == 0)
    return _("Mastodon poll");
  if (g_strcmp0 (instrument, "discourse_poll") == 0)
    return _("Forum poll");
  if (g_strcmp0 (instrument, "variant_posts") == 0)
    return _("Variant posts");
  if (g_strcmp0 (instrument, "manual") == 0)
    return _("Manual results");

  return _("Not run yet");
}

static char *
format_date (GDateTime *now_dt,
             GDateTime *then_dt)
{
  if (g_date_time_get_year (now_dt) == g_date_time_get_year (then_dt))
    /* Translators: a date in the current year, such as "Mar 12"; see strftime(3). */
    return g_date_time_format (then_dt, C_("date in this year", "%b %-e"));

  /* Translators: a full date, such as "Mar 12, 2025"; see strftime(3). */
  return g_date_time_format (then_dt, C_("full date", "%b %-e, %Y"));
}

/* How far @then is from @now, as the relative times tell it. */
typedef enum
{
  RELATIVE_JUST_NOW,
  RELATIVE_MINUTES,
  RELATIVE_TODAY,
  RELATIVE_YESTERDAY,
  RELATIVE_THIS_WEEK,
  RELATIVE_OLDER,
} Relative;

static Relative
classify_relative (GDateTime *now_dt,
                   GDateTime *then_dt,
                   gint64     seconds)
{
  GDate now_date, then_date;
  int day_diff;

  if (seconds < 60 && seconds > -60)
    return RELATIVE_JUST_NOW;
  if (seconds > 0 && seconds < 3600)
    return RELATIVE_MINUTES;

  g_date_clear (&now_date, 1);
  g_date_clear (&then_date, 1);
  g_date_set_dmy (&now_date, g_date_time_get_day_of_month (now_dt),
                  g_date_time_get_month (now_dt), g_date_time_get_year (now_dt));
  g_date_set_dmy (&then_date, g_date_time_get_day_of_month (then_dt),
                  g_date_time_get_month (then_dt), g_date_time_get_year (then_dt));
  day_diff = g_date_days_between (&then_date, &now_date);

  if (day_diff == 0)
    return RELATIVE_TODAY;
  if (day_diff == 1)
    return RELATIVE_YESTERDAY;
  if (day_diff > 1 && day_diff < 7)
    return RELATIVE_THIS_WEEK;

  return RELATIVE_OLDER;
}

static char *
format_minutes_ago (gint64 seconds)
{
  int minutes = (int) (seconds / 60);

  /* Translators: a short relative time, such as "5 min ago"; also used
   * inside sentences such as "Counts last refreshed 5 min ago". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min ago", "%d min ago", minutes), minutes);
}

/**
 * chorus_format_relative_time:
 * @now: the current Unix time
 * @then: the Unix time to describe
 *
 * Short, calm times for lists: minutes for the last hour, the clock time
 * today, then "Yesterday", a weekday, a date. They stand alone, capitalised
 * as a list shows them; inside a sentence use
 * chorus_format_relative_time_in_sentence().
 *
 * Returns: (transfer full): the text, in the local time zone and language
 */
char *
chorus_format_relative_time (gint64 now,
                             gint64 then)
{
  g_autoptr(GDateTime) now_dt = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) then_dt = g_date_time_new_from_unix_local (then);

  if (now_dt == NULL || then_dt == NULL)
    return g_strdup ("");

  switch (classify_relative (now_dt, then_dt, now - then))
    {
    case RELATIVE_JUST_NOW:
      /* Translators: a time on its own, in a list, for something less than a minute ago. */
      return g_strdup (_("Just now"));
    case RELATIVE_MINUTES:
      return format_minutes_ago (now - then);
    case RELATIVE_TODAY:
      /* Translators: the clock time of something that happened today; see strftime(3). */
      return g_date_time_format (then_dt, C_("time of today", "%H:%M"));
    case RELATIVE_YESTERDAY:
      /* Translators: a time on its own, in a list. */
      return g_strdup (_("Yesterday"));
    case RELATIVE_THIS_WEEK:
      return g_date_time_format (then_dt, "%A");
    case RELATIVE_OLDER:
    default:
      return format_date (now_dt, then_dt);
    }
}

/**
 * chorus_format_relative_time_in_sentence:
 * @now: the current Unix time
 * @then: the Unix time to describe
 *
 * The same times as chorus_format_relative_time(), worded to stand for
 * the %s of a sentence such as "Counts last refreshed %s": "just now",
 * "5 min ago", "at 14:05", "yesterday", "on Monday", "on Mar 12".
 *
 * Returns: (transfer full): the text, in the local time zone and language
 */
char *
chorus_format_relative_time_in_sentence (gint64 now,
                                         gint64 then)
{
  g_autoptr(GDateTime) now_dt = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) then_dt = g_date_time_new_from_unix_local (then);
  g_autofree char *date = NULL;

  if (now_dt == NULL || then_dt == NULL)
    return g_strdup ("");

  switch (classify_relative (now_dt, then_dt, now - then))
    {
    case RELATIVE_JUST_NOW:
      /* Translators: a time inside a sentence such as "Counts last refreshed %s". */
      return g_strdup (C_("in a sentence", "just now"));
    case RELATIVE_MINUTES:
      return format_minutes_ago (now - then);
    case RELATIVE_TODAY:
      /* Translators: a clock time today inside a sentence such as "Counts last
       * refreshed %s"; see strftime(3). */
      return g_date_time_format (then_dt, C_("in a sentence", "at %H:%M"));
    case RELATIVE_YESTERDAY:
      /* Translators: a time inside a sentence such as "Counts last refreshed %s". */
      return g_strdup (C_("in a sentence", "yesterday"));
    case RELATIVE_THIS_WEEK:
      /* Translators: a weekday in the last week inside a sentence such as
       * "Counts last refreshed %s"; see strftime(3). */
      return g_date_time_format (then_dt, C_("in a sentence", "on %A"));
    case RELATIVE_OLDER:
    default:
      date = format_date (now_dt, then_dt);
      /* Translators: a date inside a sentence such as "Counts last refreshed
       * %s"; %s is a date such as "Mar 12" or "Mar 12, 2025". */
      return g_strdup_printf (C_("in a sentence", "on %s"), date);
    }
}

/**
 * chorus_format_date:
 * @then: a Unix time
 *
 * Returns: (transfer full): the local date, without the year when it is
 *   the current one
 */
char *
chorus_format_date (gint64 then)
{
  g_autoptr(GDateTime) now_dt = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then_dt = g_date_time_new_from_unix_local (then);

  if (then_dt == NULL)
    return g_strdup ("");

  return format_date (now_dt, then_dt);
}

/**
 * chorus_format_challenge_phase:
 * @now: the current Unix time
 * @submissions_open: when entries open
 * @submissions_close: when entries close
 * @voting_open: when voting opens
 * @voting_close: when voting closes
 *
 * Returns: (transfer full): where a challenge stands, with the next date
 *   that matters
 */
char *
chorus_format_challenge_phase (gint64 now,
                               gint64 submissions_open,
                               gint64 submissions_close,
                               gint64 voting_open,
                               gint64 voting_close)
{
  g_autofree char *date = NULL;

  if (now < submissions_open)
    {
      date = chorus_format_date (submissions_open);
      /* Translators: %s is a date. */
      return g_strdup_printf (_("Opens for entries on %s"), date);
    }

  if (now < submissions_close)
    {
      date = chorus_format_date (submissions_close);
      /* Translators: %s is a date. */
      return g_strdup_printf (_("Taking entries until %s"), date);
    }

  if (now < voting_open)
    {
      date = chorus_format_date (voting_open);
      /* Translators: %s is a date. */
      return g_strdup_printf (_("Voting opens on %s"), date);
    }

  if (now < voting_close)
    {
      date = chorus_format_date (voting_close);
      /* Translators: %s is a date. */
      return g_strdup_printf (_("Voting until %s"), date);
    }

  date = chorus_format_date (voting_close);
  /* Translators: %s is a date. */
  return g_strdup_printf (_("Finished on %s"), date);
}

/**
 * chorus_format_metric_count:
 * @metric: "votes", "likes", "reposts", "replies" or "engagements"
 * @count: how many
 *
 * Returns: (transfer full): "146 votes", "12 likes"…, with the locale's
 *   digit grouping
 */
char *
chorus_format_metric_count (const char *metric,
                            gint64      count)
{
  g_autofree char *number = chorus_format_count (count);
  gulong n = (gulong) CLAMP (count, 0, G_MAXLONG);

  /* Translators: in each of these, %s is a number formatted for the locale. */
  if (g_strcmp0 (metric, "likes") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s like", "%s likes", n), number);
  if (g_strcmp0 (metric, "reposts") == 0)
    /* Translators: %s is a number, already formatted for the locale. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s repost", "%s reposts", n), number);
  if (g_strcmp0 (metric, "replies") == 0)
    /* Translators: %s is a number, already formatted for the locale. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s reply", "%s replies", n), number);
  if (g_strcmp0 (metric, "engagements") == 0)
    /* Translators: %s is a number, already formatted for the locale. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s engagement", "%s engagements", n), number);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s vote", "%s votes", n), number);
}

/**
 * chorus_format_weighting:
 * @community_weight: the community's share of a challenge's ranking, 0 to 1
 *
 * Returns: (transfer full): both shares, such as "Community 60% · Jury 40%"
 */
char *
chorus_format_weighting (double community_weight)
{
  double community = round (CLAMP (community_weight, 0.0, 1.0) * 100.0) / 100.0;
  g_autofree char *community_text = chorus_format_percent (community);
  g_autofree char *jury_text = chorus_format_percent (1.0 - community);

  /* Translators: how a challenge's ranking weighs community votes against jury scores; each %s is a
   * percentage, such as "60%". */
  return g_strdup_printf (_("Community %s · Jury %s"), community_text, jury_text);
}

/**
 * chorus_format_duration:
 * @seconds: a length of time
 *
 * Returns: (transfer full): a short duration such as "45 min", "3 h 20 min"
 *   or "2 days", for figures like a median reply time
 */
char *
chorus_format_duration (gint64 seconds)
{
  gint64 minutes = MAX (seconds, 0) / 60;
  int hours = (int) (minutes / 60);
  int days = hours / 24;

  if (minutes < 1)
    return g_strdup (_("under a minute"));

  if (minutes < 60)
    /* Translators: a duration in minutes, short, such as "45 min". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", (gulong) minutes), (int) minutes);

  if (hours < 24)
    {
      int rest = (int) (minutes % 60);

      if (rest == 0)
        /* Translators: a duration in hours, short, such as "3 h". */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d h", "%d h", hours), hours);
      /* Translators: a duration in hours and minutes, short, such as "3 h 20 min". */
      return g_strdup_printf (_("%d h %d min"), hours, rest);
    }

  /* Translators: a duration in days, such as "2 days". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

/**
 * chorus_format_initials:
 * @name: (nullable): a person's name or handle
 *
 * Returns: (transfer full): what an avatar shows for @name, as AdwAvatar
 *   shows it: the first letter and the first letter of the last word, in
 *   upper case ("María López" → "ML", "ana" → "A"); "" for no name
 */
char *
chorus_format_initials (const char *name)
{
  g_autofree char *upper = g_utf8_strup (name != NULL ? name : "", -1);
  g_autofree char *composed = g_utf8_normalize (g_strstrip (upper), -1, G_NORMALIZE_DEFAULT_COMPOSE);
  GString *initials = g_string_new (NULL);
  const char *last_space;

  if (composed == NULL || *composed == '\0')
    return g_string_free (initials, FALSE);

  g_string_append_unichar (initials, g_utf8_get_char (composed));
  last_space = g_utf8_strrchr (composed, -1, ' ');
  if (last_space != NULL && last_space[1] != '\0')
    g_string_append_unichar (initials, g_utf8_get_char (last_space + 1));

  return g_string_free (initials, FALSE);
}
