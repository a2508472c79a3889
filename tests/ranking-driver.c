/* ranking-driver.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Ranks the challenges check-ranking-scipy.py makes up, and prints what
 * the ranking computed, as JSON Lines: one challenge per line of standard
 * input, one result per line of standard output.
 *
 * In: {"scale", "community_weight", "created_at", "voting_open_at",
 *      "entries": [{"id", "submitted_at", "author_id", "author_person_id",
 *                   "moderation", "phash" (or null)}],
 *      "votes": [{"id", "submission_id", "kind", "voter_id", "person_id",
 *                 "token", "score" (or null), "cast_at", "excluded",
 *                 "account_created_at"}],
 *      "criteria": [{"id", "weight"}],
 *      "jury": [{"submission_id", "juror_id", "criterion_id", "score"}],
 *      "alpha": {"raters", "units", "values" (null where missing)} or null,
 *      "tails": [[k, mean]…]}
 * Out: the ranking's figures, every entry in rank order, every vote, the
 *      alpha of "alpha" and the Poisson tails of "tails"; NaN as null.
 *
 * Bad input prints its message on stderr and exits with 1. */

#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "chorus-ranking-private.h"

static double
get_number (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

/* A number, or null for NaN. */
static JsonNode *
number_node (double value)
{
  JsonNode *node = json_node_new (isnan (value) ? JSON_NODE_NULL : JSON_NODE_VALUE);

  if (!isnan (value))
    json_node_set_double (node, value);
  return node;
}

static JsonArray *
flags_array (ChorusRankingFlags flags)
{
  g_auto(GStrv) keys = chorus_ranking_flags_to_keys (flags);
  JsonArray *array = json_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    json_array_add_string_element (array, keys[i]);
  return array;
}

static void
add_entry (ChorusRanking *ranking,
           JsonObject    *object)
{
  ChorusRankedEntry *entry = _chorus_ranking_add_entry (ranking, json_object_get_int_member (object, "id"),
                                                        json_object_get_int_member (object, "submitted_at"));
  JsonNode *phash = json_object_get_member (object, "phash");

  entry->author_id = json_object_get_int_member (object, "author_id");
  entry->author_person_id = json_object_get_int_member (object, "author_person_id");
  g_free (entry->moderation);
  entry->moderation = g_strdup (json_object_get_string_member (object, "moderation"));
  entry->has_phash = phash != NULL && !JSON_NODE_HOLDS_NULL (phash);
  /* Python writes the 64 bits as a signed number, as SQLite keeps them. */
  entry->phash = entry->has_phash ? (guint64) json_node_get_int (phash) : 0;
}

static void
add_vote (ChorusRanking *ranking,
          JsonObject    *object)
{
  ChorusRankedVote *vote = _chorus_ranking_add_vote (ranking, json_object_get_int_member (object, "id"),
                                                     json_object_get_int_member (object, "submission_id"),
                                                     json_object_get_string_member (object, "kind"),
                                                     json_object_get_int_member (object, "cast_at"));

  vote->voter_id = json_object_get_int_member (object, "voter_id");
  vote->person_id = json_object_get_int_member (object, "person_id");
  vote->voter = g_strdup (json_object_get_string_member_with_default (object, "token", NULL));
  vote->score = get_number (object, "score");
  vote->excluded = json_object_get_boolean_member (object, "excluded");
  vote->account_created_at = json_object_get_int_member (object, "account_created_at");
}

static ChorusRanking *
build_ranking (JsonObject *spec)
{
  ChorusRanking *ranking = _chorus_ranking_new (1, json_object_get_string_member (spec, "scale"),
                                                get_number (spec, "community_weight"),
                                                json_object_get_int_member (spec, "created_at"));
  JsonArray *array;

  ranking->voting_open_at = json_object_get_int_member (spec, "voting_open_at");

  array = json_object_get_array_member (spec, "entries");
  for (guint i = 0; i < json_array_get_length (array); i++)
    add_entry (ranking, json_array_get_object_element (array, i));

  array = json_object_get_array_member (spec, "votes");
  for (guint i = 0; i < json_array_get_length (array); i++)
    add_vote (ranking, json_array_get_object_element (array, i));

  array = json_object_get_array_member (spec, "criteria");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *criterion = json_array_get_object_element (array, i);

      _chorus_ranking_add_criterion (ranking, json_object_get_int_member (criterion, "id"),
                                     get_number (criterion, "weight"));
    }

  array = json_object_get_array_member (spec, "jury");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *score = json_array_get_object_element (array, i);

      _chorus_ranking_add_jury_score (ranking, json_object_get_int_member (score, "submission_id"),
                                      json_object_get_int_member (score, "juror_id"),
                                      json_object_get_int_member (score, "criterion_id"),
                                      get_number (score, "score"));
    }

  _chorus_ranking_compute (ranking);
  return ranking;
}

static JsonArray *
entries_to_json (ChorusRanking *ranking)
{
  static const char * const numbers[] = {
    "mean_score", "bayesian_average", "support_lower_bound", "community_score", "jury_score", "combined_score",
  };
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < chorus_ranking_get_n_entries (ranking); i++)
    {
      const ChorusRankedEntry *entry = chorus_ranking_get_entry (ranking, i);
      const double values[] = {
        entry->mean_score, entry->bayesian_average, entry->support_lower_bound, entry->community_score,
        entry->jury_score, entry->combined_score,
      };
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "id", entry->submission_id);
      json_object_set_int_member (object, "rank", entry->rank);
      json_object_set_int_member (object, "votes_counted", entry->votes_counted);
      json_object_set_int_member (object, "votes_excluded", entry->votes_excluded);
      json_object_set_int_member (object, "supporters", entry->supporters);
      json_object_set_int_member (object, "n_scores", entry->n_scores);
      json_object_set_int_member (object, "n_jurors", entry->n_jurors);
      json_object_set_int_member (object, "near_duplicate_of", entry->near_duplicate_of);
      for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
        json_object_set_member (object, numbers[n], number_node (values[n]));
      json_object_set_array_member (object, "flags", flags_array (entry->flags));
      json_array_add_object_element (array, object);
    }
  return array;
}

static JsonArray *
votes_to_json (ChorusRanking *ranking)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < chorus_ranking_get_n_votes (ranking); i++)
    {
      const ChorusRankedVote *vote = chorus_ranking_get_vote (ranking, i);
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "id", vote->id);
      json_object_set_boolean_member (object, "counted", vote->counted);
      json_object_set_array_member (object, "flags", flags_array (vote->flags));
      json_array_add_object_element (array, object);
    }
  return array;
}

static double
alpha_of (JsonObject *spec)
{
  JsonNode *node = json_object_get_member (spec, "alpha");
  JsonObject *alpha;
  JsonArray *values;
  g_autofree double *matrix = NULL;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NAN;

  alpha = json_node_get_object (node);
  values = json_object_get_array_member (alpha, "values");
  n = json_array_get_length (values);
  matrix = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *value = json_array_get_element (values, i);

      matrix[i] = JSON_NODE_HOLDS_NULL (value) ? NAN : json_node_get_double (value);
    }

  return _chorus_ranking_krippendorff_alpha (matrix, json_object_get_int_member (alpha, "raters"),
                                             json_object_get_int_member (alpha, "units"));
}

static JsonArray *
tails_to_json (JsonObject *spec)
{
  JsonArray *tails = json_object_get_array_member (spec, "tails");
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < json_array_get_length (tails); i++)
    {
      JsonArray *pair = json_array_get_array_element (tails, i);

      json_array_add_double_element (array,
                                     _chorus_integrity_poisson_tail ((guint) json_array_get_int_element (pair, 0),
                                                                     json_array_get_double_element (pair, 1)));
    }
  return array;
}

static char *
run_one (JsonObject *spec)
{
  g_autoptr(ChorusRanking) ranking = build_ranking (spec);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *result = json_object_new ();

  json_object_set_member (result, "prior_mean", number_node (chorus_ranking_get_prior_mean (ranking)));
  json_object_set_member (result, "prior_weight", number_node (chorus_ranking_get_prior_weight (ranking)));
  json_object_set_int_member (result, "n_voters", chorus_ranking_get_n_voters (ranking));
  json_object_set_int_member (result, "n_jurors", chorus_ranking_get_n_jurors (ranking));
  json_object_set_member (result, "agreement", number_node (chorus_ranking_get_agreement (ranking)));
  json_object_set_array_member (result, "entries", entries_to_json (ranking));
  json_object_set_array_member (result, "votes", votes_to_json (ranking));
  json_object_set_member (result, "alpha", number_node (alpha_of (spec)));
  json_object_set_array_member (result, "tails", tails_to_json (spec));

  json_node_take_object (root, result);
  return json_to_string (root, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GIOChannel) in = NULL;
  g_autoptr(GError) error = NULL;
  char *line = NULL;
  gsize length;

  setlocale (LC_ALL, "");
  in = g_io_channel_unix_new (0);

  while (g_io_channel_read_line (in, &line, &length, NULL, &error) == G_IO_STATUS_NORMAL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *owned = line;
      g_autofree char *out = NULL;

      if (!json_parser_load_from_data (parser, owned, length, &error) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_printerr ("%s\n", error != NULL ? error->message : "not an object");
          return 1;
        }

      out = run_one (json_node_get_object (json_parser_get_root (parser)));
      fputs (out, stdout);
      fputc ('\n', stdout);
    }

  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
