/* chorus-results-format.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-awards.h"
#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-results-format.h"

/* Amounts are kept in hundredths of the currency's unit (cents), so the
 * ledger adds up exactly; they are shown with the locale's digit grouping
 * and decimal separator, and read back whichever separator a person
 * types. Jury agreement is told in words by Krippendorff's thresholds:
 * α ≥ 0.800 the scores can be relied on ("agree well"), 0.667 ≤ α < 0.800
 * allows tentative conclusions only, below that the jurors disagree, and
 * at or below 0 they agree no better than chance. */

#define MAX_UNITS G_GINT64_CONSTANT (99999999999)   /* 11 digits: far beyond any prize */

/**
 * chorus_format_place:
 * @place: 1 for the first
 *
 * Returns: (transfer full): "1st", "2nd", "3rd", "4th"…
 */
char *
chorus_format_place (guint place)
{
  switch (place)
    {
    case 1:
      return g_strdup (C_("place", "1st"));
    case 2:
      return g_strdup (C_("place", "2nd"));
    case 3:
      return g_strdup (C_("place", "3rd"));
    default:
      /* Translators: a place among a challenge's winners after the third
       * (4 to 10), such as "4th". */
      return g_strdup_printf (C_("place", "%uth"), place);
    }
}

/**
 * chorus_format_score:
 * @value: a score, or NaN when there is none
 * @decimals: how many decimals to show
 *
 * Returns: (transfer full): "4.43" with the locale's decimal separator,
 *   or "—" for NaN
 */
char *
chorus_format_score (double value,
                     int    decimals)
{
  return chorus_format_decimal (value, (guint) MAX (decimals, 0));
}

/* Returns: how a community vote was cast, as a person says it */
const char *
chorus_format_vote_kind (const char *kind)
{
  if (g_strcmp0 (kind, "like") == 0)
    return C_("vote", "Like");
  if (g_strcmp0 (kind, "repost") == 0)
    return C_("vote", "Repost");
  if (g_strcmp0 (kind, "poll") == 0)
    return C_("vote", "Poll vote");
  if (g_strcmp0 (kind, "reply_score") == 0)
    return C_("vote", "Score in a reply");
  return C_("vote", "Kiosk vote");
}

/* Returns: "Prize" or "Royalty" */
const char *
chorus_format_reward_kind (const char *kind)
{
  if (g_strcmp0 (kind, "royalty") == 0)
    return C_("reward", "Royalty");
  return C_("reward", "Prize");
}

/**
 * chorus_format_amount:
 * @cents: hundredths of a currency's unit
 *
 * Returns: (transfer full): "1,234.50" in English, "1.234,50" in Spanish
 */
char *
chorus_format_amount (gint64 cents)
{
  g_autofree char *units = NULL;
  const char *point = localeconv ()->decimal_point;
  gint64 magnitude = ABS (cents);

  units = g_strdup_printf ("%'" G_GINT64_FORMAT, magnitude / 100);
  return g_strdup_printf ("%s%s%s%02d", cents < 0 ? "-" : "", units, point != NULL && *point ? point : ".",
                          (int) (magnitude % 100));
}

/**
 * chorus_format_money:
 * @cents: hundredths of @currency's unit
 * @currency: an ISO 4217 code
 *
 * Returns: (transfer full): "300.00 EUR"
 */
char *
chorus_format_money (gint64      cents,
                     const char *currency)
{
  g_autofree char *amount = chorus_format_amount (cents);

  /* Translators: an amount of money: the number (formatted for the
   * locale), then the currency's code, as in "300.00 EUR". */
  return g_strdup_printf (_("%s %s"), amount, currency != NULL ? currency : "");
}

static gboolean
fail_amount (GError **error)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       _("Type the amount as a number, such as 300 or 1,250.50."));
  return FALSE;
}

/* Digits with separators between groups of three, the first group one
 * to three digits long. */
static gboolean
parse_units (const char *text,
             gint64     *units)
{
  g_auto(GStrv) groups = g_strsplit_set (text, ".,", -1);
  guint n = g_strv_length (groups);
  gint64 value = 0;

  for (guint i = 0; i < n; i++)
    {
      gsize length = strlen (groups[i]);

      if (length == 0 || (i > 0 && length != 3) || (i == 0 && n > 1 && length > 3))
        return FALSE;
      for (const char *c = groups[i]; *c != '\0'; c++)
        {
          if (value > MAX_UNITS / 10)
            return FALSE;
          value = value * 10 + (*c - '0');
        }
    }

  *units = value;
  return value <= MAX_UNITS;
}

/**
 * chorus_parse_money:
 * @text: an amount as a person types it: "300", "1,250.50", "1.250,5",
 *   "1 250,50"
 * @cents: (out): the amount in hundredths
 * @error: a location for a #GError
 *
 * The last '.' or ',' is the decimal separator when one or two digits
 * follow it; every other one, and spaces, group digits. Negative amounts
 * are refused.
 *
 * Returns: %FALSE with @error set when @text is not an amount
 */
gboolean
chorus_parse_money (const char  *text,
                    gint64      *cents,
                    GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *dot;
  const char *comma;
  const char *last;
  gint64 units;
  int fraction = 0;

  g_return_val_if_fail (cents != NULL, FALSE);

  for (const char *c = text != NULL ? text : ""; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (g_unichar_isspace (ch) || ch == 0x00A0 || ch == 0x202F || ch == '\'')
        continue;
      if (!(ch == '.' || ch == ',' || (ch >= '0' && ch <= '9')))
        return fail_amount (error);
      g_string_append_c (digits, (char) ch);
    }

  dot = strrchr (digits->str, '.');
  comma = strrchr (digits->str, ',');
  last = dot == NULL ? comma : comma == NULL ? dot : dot > comma ? dot : comma;
  if (last != NULL && strlen (last + 1) >= 1 && strlen (last + 1) <= 2)
    {
      fraction = atoi (last + 1) * (strlen (last + 1) == 1 ? 10 : 1);
      g_string_truncate (digits, last - digits->str);
    }

  if (digits->len == 0 || !parse_units (digits->str, &units))
    return fail_amount (error);

  *cents = units * 100 + fraction;
  return TRUE;
}

/**
 * chorus_format_ranking_basis:
 * @ranking: a challenge's ranking
 *
 * Returns: (transfer full): what its numbers rest on, such as "Prior mean
 *   3.71, weighing as 20.4 scores · 214 voters counted · Community 60%,
 *   jury 40%"
 */
char *
chorus_format_ranking_basis (const ChorusRanking *ranking)
{
  guint voters = chorus_ranking_get_n_voters (ranking);
  double weight = chorus_ranking_get_community_weight (ranking);
  g_autofree char *count = chorus_format_count (voters);
  g_autofree char *community = chorus_format_percent (weight);
  g_autofree char *jury = chorus_format_percent (1.0 - weight);
  g_autofree char *voters_text = NULL;
  g_autofree char *weights = NULL;
  g_autofree char *basis = NULL;

  /* Translators: %s is a number formatted for the locale. */
  voters_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s voter counted", "%s voters counted", voters),
                                 count);
  /* Translators: how a design entry's combined score is made; each %s is a percentage. */
  weights = g_strdup_printf (_("Community %s, jury %s"), community, jury);

  if (g_strcmp0 (chorus_ranking_get_scale (ranking), "support") == 0)
    basis = g_strdup (_("Support is the lower bound of its 95% Wilson interval"));
  else if (isnan (chorus_ranking_get_prior_mean (ranking)))
    basis = g_strdup (_("No scores yet"));
  else
    {
      g_autofree char *mean = chorus_format_score (chorus_ranking_get_prior_mean (ranking), 2);
      g_autofree char *prior = chorus_format_score (chorus_ranking_get_prior_weight (ranking), 1);

      /* Translators: the prior of the Bayesian average of scores out of 5. The first %s is the mean of all
       * scores, the second how many scores the prior weighs as (the mean count per entry). */
      basis = g_strdup_printf (_("Prior mean %s, weighing as %s scores"), mean, prior);
    }

  /* Translators: "Prior mean 3.71, weighing as 20.4 scores · 214 voters counted · Community 60%, jury 40%". */
  return g_strdup_printf (_("%s · %s · %s"), basis, voters_text, weights);
}

/* Returns: (transfer full): the entry's counted votes, and those excluded */
char *
chorus_format_entry_votes (const ChorusRankedEntry *entry)
{
  g_autofree char *counted = chorus_format_count (entry->votes_counted);
  g_autofree char *excluded = NULL;

  if (entry->votes_excluded == 0)
    return g_steal_pointer (&counted);

  excluded = chorus_format_count (entry->votes_excluded);
  /* Translators: votes on a design entry: the first %s is how many count, the second how many the team
   * excluded; both are numbers formatted for the locale. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s excluded)", "%s (%s excluded)",
                                       entry->votes_excluded),
                          counted, excluded);
}

/* Returns: (transfer full): the community's figure for the entry: its
 * mean score (0-5) on a "score5" challenge, its support bound as a
 * percentage on a "support" one */
char *
chorus_format_entry_community (const ChorusRanking     *ranking,
                               const ChorusRankedEntry *entry)
{
  if (g_strcmp0 (chorus_ranking_get_scale (ranking), "support") != 0)
    return chorus_format_score (entry->mean_score, 2);
  if (isnan (entry->support_lower_bound))
    return g_strdup ("—");
  return chorus_format_percent (entry->support_lower_bound);
}

/**
 * chorus_format_announcement:
 * @place: the winner's place
 * @handle: the winner's handle, as a mention ("@ana@social.example")
 * @title: the entry's title
 * @hashtag: the challenge's hashtag, without '#'
 *
 * Returns: (transfer full): the reply that tells the winner, for the
 *   team to edit before it is queued
 */
char *
chorus_format_announcement (guint       place,
                            const char *handle,
                            const char *title,
                            const char *hashtag)
{
  g_return_val_if_fail (handle != NULL && title != NULL && hashtag != NULL, NULL);

  switch (place)
    {
    case 1:
      /* Translators: a reply announcing a design challenge's winner. The first
       * %s is the winner's handle, such as @ana@social.example, the second the
       * design's title, the third the challenge's hashtag (after its #). */
      return g_strdup_printf (_("Congratulations %s, your design “%s” won 1st place in #%s!"), handle, title, hashtag);
    case 2:
      /* Translators: as for 1st place, for the second place. */
      return g_strdup_printf (_("Congratulations %s, your design “%s” won 2nd place in #%s!"), handle, title, hashtag);
    case 3:
      /* Translators: as for 1st place, for the third place. */
      return g_strdup_printf (_("Congratulations %s, your design “%s” won 3rd place in #%s!"), handle, title, hashtag);
    default:
      /* Translators: a reply announcing a design challenge's winner after the
       * third. The first %s is the winner's handle, the second the design's
       * title, %u the place (4 to 10), the last %s the challenge's hashtag. */
      return g_strdup_printf (_("Congratulations %s, your design “%s” won place %u in #%s!"), handle, title, place,
                              hashtag);
    }
}
