/* chorus-challenge-draft.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "chorus-challenge-draft.h"
#include "chorus-error.h"

/* What a co-creation challenge must hold before the store takes it. The
 * messages name the field as the editor labels it (the same msgids, in the
 * "challenge field" context), so a person knows where to look. */

#define MAX_TEXT_CHARS      10000
#define MAX_CRITERION_CHARS 60

G_DEFINE_BOXED_TYPE (ChorusChallengeDraft, chorus_challenge_draft,
                     chorus_challenge_draft_copy, chorus_challenge_draft_free)

static void
criterion_draft_free (ChorusCriterionDraft *criterion)
{
  g_free (criterion->name);
  g_free (criterion);
}

/**
 * chorus_challenge_draft_new:
 *
 * Returns: (transfer full): a draft with empty texts, no dates, the 0 to 5
 *   scale, the community and the jury weighing half each, no jury and no
 *   criteria
 */
ChorusChallengeDraft *
chorus_challenge_draft_new (const char *title)
{
  ChorusChallengeDraft *self = g_new0 (ChorusChallengeDraft, 1);

  self->title = g_strdup (title != NULL ? title : "");
  self->brief = g_strdup ("");
  self->hashtag = g_strdup ("");
  self->terms = g_strdup ("");
  self->prizes = g_strdup ("");
  self->eligibility = g_strdup ("");
  self->scale = g_strdup ("score5");
  self->community_weight = 0.5;
  self->jury = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_draft_free);

  return self;
}

/* Replaces a text field of the draft with a copy of @text ("" for %NULL). */
void
chorus_challenge_draft_set_text (char       **field,
                                 const char  *text)
{
  g_return_if_fail (field != NULL);

  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}

ChorusChallengeDraft *
chorus_challenge_draft_copy (const ChorusChallengeDraft *self)
{
  ChorusChallengeDraft *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = chorus_challenge_draft_new (self->title);
  chorus_challenge_draft_set_text (&copy->brief, self->brief);
  chorus_challenge_draft_set_text (&copy->hashtag, self->hashtag);
  chorus_challenge_draft_set_text (&copy->terms, self->terms);
  chorus_challenge_draft_set_text (&copy->prizes, self->prizes);
  chorus_challenge_draft_set_text (&copy->eligibility, self->eligibility);
  chorus_challenge_draft_set_text (&copy->scale, self->scale);
  copy->submissions_open = self->submissions_open;
  copy->submissions_close = self->submissions_close;
  copy->voting_open = self->voting_open;
  copy->voting_close = self->voting_close;
  copy->community_weight = self->community_weight;
  g_array_append_vals (copy->jury, self->jury->data, self->jury->len);

  for (guint i = 0; i < self->criteria->len; i++)
    {
      const ChorusCriterionDraft *from = g_ptr_array_index (self->criteria, i);

      chorus_challenge_draft_add_criterion (copy, from->name, from->weight)->id = from->id;
    }

  return copy;
}

void
chorus_challenge_draft_free (ChorusChallengeDraft *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->brief);
  g_free (self->hashtag);
  g_free (self->terms);
  g_free (self->prizes);
  g_free (self->eligibility);
  g_free (self->scale);
  g_array_unref (self->jury);
  g_ptr_array_unref (self->criteria);
  g_free (self);
}

gboolean
chorus_challenge_draft_has_juror (const ChorusChallengeDraft *self,
                                  gint64                      member_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->jury->len; i++)
    if (g_array_index (self->jury, gint64, i) == member_id)
      return TRUE;
  return FALSE;
}

/* Adds a team member to the jury, once. */
void
chorus_challenge_draft_add_juror (ChorusChallengeDraft *self,
                                  gint64                member_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (member_id > 0);

  if (!chorus_challenge_draft_has_juror (self, member_id))
    g_array_append_val (self->jury, member_id);
}

/**
 * chorus_challenge_draft_add_criterion:
 *
 * Returns: (transfer none): the new criterion, last, not yet stored (id 0)
 */
ChorusCriterionDraft *
chorus_challenge_draft_add_criterion (ChorusChallengeDraft *self,
                                      const char           *name,
                                      double                weight)
{
  ChorusCriterionDraft *criterion;

  g_return_val_if_fail (self != NULL, NULL);

  criterion = g_new0 (ChorusCriterionDraft, 1);
  criterion->name = g_strdup (name != NULL ? name : "");
  criterion->weight = weight;
  g_ptr_array_add (self->criteria, criterion);

  return criterion;
}

/**
 * chorus_challenge_day_bound:
 * @day: a date, in any time zone
 * @end_of_day: whether the end of the day is wanted rather than its start
 *
 * Challenges open at local midnight and close at the end of the day, so
 * that the date a person picks is the last one included.
 *
 * Returns: the Unix time of @day's local midnight, or of its last second
 */
gint64
chorus_challenge_day_bound (GDateTime *day,
                            gboolean   end_of_day)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) bound = NULL;

  g_return_val_if_fail (day != NULL, 0);

  local = g_date_time_to_local (day);
  bound = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                 g_date_time_get_day_of_month (local), end_of_day ? 23 : 0, end_of_day ? 59 : 0,
                                 end_of_day ? 59 : 0);
  return g_date_time_to_unix (bound);
}

static gint64
day_bound_after (GDateTime *today,
                 int        days,
                 gboolean   end_of_day)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (today, days);

  return chorus_challenge_day_bound (day, end_of_day);
}

/**
 * chorus_challenge_draft_set_default_dates:
 * @today: the day entries open
 *
 * Entries for four weeks from @today, then a week of voting.
 */
void
chorus_challenge_draft_set_default_dates (ChorusChallengeDraft *self,
                                          GDateTime            *today)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (today != NULL);

  self->submissions_open = day_bound_after (today, 0, FALSE);
  self->submissions_close = day_bound_after (today, 27, TRUE);
  self->voting_open = day_bound_after (today, 28, FALSE);
  self->voting_close = day_bound_after (today, 34, TRUE);
}

gboolean
chorus_challenge_scale_is_valid (const char *scale)
{
  return g_strcmp0 (scale, "score5") == 0 || g_strcmp0 (scale, "support") == 0;
}

/* Whether two names a person typed are the same one: case and Unicode
 * composition do not count. */
gboolean
chorus_challenge_same_name (const char *a,
                            const char *b)
{
  g_autofree char *folded_a = NULL;
  g_autofree char *folded_b = NULL;
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  folded_a = g_utf8_casefold (a, -1);
  folded_b = g_utf8_casefold (b, -1);
  key_a = g_utf8_normalize (folded_a, -1, G_NORMALIZE_ALL);
  key_b = g_utf8_normalize (folded_b, -1, G_NORMALIZE_ALL);

  return g_strcmp0 (key_a, key_b) == 0;
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

static gboolean
validate_title (ChorusChallengeDraft  *self,
                GError               **error)
{
  g_strstrip (self->title);

  if (!g_utf8_validate (self->title, -1, NULL) || *self->title == '\0')
    return fail (error, _("A challenge needs a title."));
  if (g_utf8_strlen (self->title, -1) > CHORUS_CHALLENGE_MAX_TITLE_CHARS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is a number of characters. */
                   _("The title can be at most %u characters long."), CHORUS_CHALLENGE_MAX_TITLE_CHARS);
      return FALSE;
    }
  return TRUE;
}

/* Mastodon and Bluesky link a hashtag made of letters, digits, marks and
 * underscores, with at least one letter; "#2026" is not a hashtag. */
static gboolean
validate_hashtag (ChorusChallengeDraft  *self,
                  GError               **error)
{
  gboolean has_letter = FALSE;
  char *tag;

  g_strstrip (self->hashtag);
  tag = self->hashtag[0] == '#' ? self->hashtag + 1 : self->hashtag;
  memmove (self->hashtag, tag, strlen (tag) + 1);

  if (!g_utf8_validate (self->hashtag, -1, NULL) || *self->hashtag == '\0')
    return fail (error, _("A challenge needs a hashtag, such as #SummitTee: entries and votes are collected with it."));
  if (g_utf8_strlen (self->hashtag, -1) > CHORUS_CHALLENGE_MAX_HASHTAG_CHARS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is a number of characters. */
                   _("The hashtag can be at most %u characters long."), CHORUS_CHALLENGE_MAX_HASHTAG_CHARS);
      return FALSE;
    }

  for (const char *p = self->hashtag; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && !g_unichar_ismark (c) && c != '_')
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %s is the hashtag as typed, without its #. */
                       _("The hashtag “%s” can only hold letters, digits and underscores (_), without spaces."),
                       self->hashtag);
          return FALSE;
        }
      has_letter |= g_unichar_isalpha (c);
    }

  if (!has_letter)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the hashtag as typed, without its #. */
                   _("The hashtag “%s” needs at least one letter: networks do not link a hashtag of digits only."),
                   self->hashtag);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_text (char        *text,
               const char  *field,
               GError     **error)
{
  g_strstrip (text);

  if (!g_utf8_validate (text, -1, NULL))
    {
      /* Translators: %s is the label of a field of the challenge editor, such as “Terms”, as you
       * translated it there (context "challenge field"). It is quoted as a name, so nothing in the
       * sentence agrees with it; use your language's quotation marks. */
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, _("“%s” is not valid text."), field);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > MAX_TEXT_CHARS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the label of a field of the challenge editor, such as “Terms”, as you
                    * translated it there (context "challenge field"), quoted as a name; use your language's
                    * quotation marks. %u is a number of characters. */
                   _("“%s” can be at most %u characters long."), field, MAX_TEXT_CHARS);
      return FALSE;
    }
  return TRUE;
}

/* @later_time must come after @earlier_time (or at the same time, when @or_same). */
static gboolean
check_order (gint64       earlier_time,
             gint64       later_time,
             gboolean     or_same,
             const char  *message,
             GError     **error)
{
  if (later_time > earlier_time || (or_same && later_time == earlier_time))
    return TRUE;

  return fail (error, message);
}

/* Entries and voting may overlap, as on Threadless, where each design is
 * scored while others still arrive: voting opens no earlier than entries,
 * and closes no earlier than entries do, so the last entry can be voted
 * on. Opening the vote the day after entries close is only the default. */
static gboolean
validate_dates (ChorusChallengeDraft  *self,
                GError               **error)
{
  if (self->submissions_open <= 0 || self->submissions_close <= 0 || self->voting_open <= 0 || self->voting_close <= 0)
    return fail (error, _("Set the four dates: when entries open and close, and when voting opens and closes."));

  /* Whole sentences about the dates, rather than the editor's labels
   * quoted: each translates on its own. */
  return check_order (self->submissions_open, self->submissions_close, FALSE,
                      _("Entries must close after they open."), error) &&
         check_order (self->voting_open, self->voting_close, FALSE,
                      _("Voting must close after it opens."), error) &&
         check_order (self->submissions_open, self->voting_open, TRUE,
                      _("Voting cannot open before entries do: there would be nothing to vote on."), error) &&
         check_order (self->submissions_close, self->voting_close, TRUE,
                      _("Voting cannot close before entries do: the last entries need time to get votes."),
                      error);
}

static gboolean
validate_criterion (ChorusCriterionDraft  *criterion,
                    guint                  position,
                    GError               **error)
{
  g_strstrip (criterion->name);

  if (!g_utf8_validate (criterion->name, -1, NULL) || *criterion->name == '\0')
    {
      /* Translators: %u is a scoring criterion's position, counting from 1. */
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, _("Criterion %u has no name."), position + 1);
      return FALSE;
    }
  if (g_utf8_strlen (criterion->name, -1) > MAX_CRITERION_CHARS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: the first %u is a criterion's position, counting from 1; the second a
                    * number of characters. */
                   _("The name of criterion %u can be at most %u characters long."), position + 1, MAX_CRITERION_CHARS);
      return FALSE;
    }
  if (!isfinite (criterion->weight) || criterion->weight < 0)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a scoring criterion's name. */
                   _("The weight of the criterion “%s” must be 0 or more."), criterion->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_criteria (ChorusChallengeDraft  *self,
                   GError               **error)
{
  gboolean weighed = FALSE;

  if (self->criteria->len > CHORUS_CHALLENGE_MAX_CRITERIA)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: the first %u is the most scoring criteria a challenge can have (8); the
                    * second how many it has. */
                   _("A challenge has at most %u scoring criteria, not %u."), CHORUS_CHALLENGE_MAX_CRITERIA,
                   self->criteria->len);
      return FALSE;
    }

  for (guint i = 0; i < self->criteria->len; i++)
    {
      ChorusCriterionDraft *criterion = g_ptr_array_index (self->criteria, i);

      if (!validate_criterion (criterion, i, error))
        return FALSE;
      weighed |= criterion->weight > 0;

      for (guint j = 0; j < i; j++)
        {
          ChorusCriterionDraft *earlier = g_ptr_array_index (self->criteria, j);

          if (chorus_challenge_same_name (earlier->name, criterion->name))
            {
              g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           /* Translators: the two %u are criteria's positions, counting from 1; %s is their
                            * name. */
                           _("Criteria %u and %u are both called “%s”."), j + 1, i + 1, criterion->name);
              return FALSE;
            }
        }
    }

  if (self->jury->len > 0 && !weighed)
    return fail (error, _("The jury scores entries on criteria: add a criterion with a weight above 0, "
                          "or leave the jury empty."));
  return TRUE;
}

/**
 * chorus_challenge_draft_validate:
 *
 * Trims what a person typed, takes the '#' off the hashtag, and checks
 * what the store requires: a title of 1 to 120 characters; a hashtag of
 * letters, digits and underscores; dates in order (see validate_dates());
 * a known scale; a community weight from 0 to 1; at most 8 criteria with
 * distinct names and weights of 0 or more, one of them above 0 when there
 * is a jury. Whether jurors and criteria exist is the store's to check.
 */
gboolean
chorus_challenge_draft_validate (ChorusChallengeDraft  *self,
                                 GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!validate_title (self, error) || !validate_hashtag (self, error) ||
      !validate_text (self->brief, C_("challenge field", "Brief"), error) ||
      !validate_dates (self, error) ||
      !validate_text (self->terms, C_("challenge field", "Terms"), error) ||
      !validate_text (self->prizes, C_("challenge field", "Prizes"), error) ||
      !validate_text (self->eligibility, C_("challenge field", "Eligibility"), error))
    return FALSE;

  if (!chorus_challenge_scale_is_valid (self->scale))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is what was given as the voting scale; “score5” and “support” are not
                    * translated. */
                   _("“%s” is not a voting scale: use score5 or support."), self->scale);
      return FALSE;
    }
  if (!isfinite (self->community_weight) || self->community_weight < 0 || self->community_weight > 1)
    return fail (error, _("The community’s weight must be from 0 to 100 percent: the jury weighs the rest."));

  return validate_criteria (self, error);
}
