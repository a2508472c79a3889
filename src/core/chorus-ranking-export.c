/* chorus-ranking-export.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chorus-csv.h"
#include "chorus-ranking-export.h"

/* A challenge's ranking as CSV or JSON, for spreadsheets and scripts,
 * with the same fields per entry in the same order, in rank order:
 *
 *   rank, submission_id, title, author (handle, empty for entries added
 *   by hand without one), image_sha256, image_path, votes_counted,
 *   votes_excluded, mean_score (0-5), bayesian_average (0-5), jury_score
 *   (0-1), combined_score (0-1), flags
 *
 * The field names and the flags' keys (chorus_ranking_flag_key()) are the
 * same in every language. CSV (RFC 4180, UTF-8, CRLF, see chorus-csv.c):
 * a header row; numbers in the C locale with six decimals; a number that
 * cannot be computed, and a missing text, is an empty field; flags are
 * their keys joined by ";". JSON: {"challenge": {…}, "entries": [{…}]},
 * numbers as JSON numbers, null for what is missing, flags an array of
 * keys; "challenge" adds the figures the scores rest on (the prior of the
 * Bayesian average, the voters counted, the jurors and their agreement). */

typedef enum
{
  FIELD_RANK,
  FIELD_INT64,
  FIELD_COUNT,
  FIELD_TEXT,
  FIELD_NUMBER,
  FIELD_FLAGS,
} FieldType;

typedef struct
{
  const char *name;
  FieldType   type;
  gsize       offset;
} Field;

#define FIELD(name, type, member) { name, type, G_STRUCT_OFFSET (ChorusRankedEntry, member) }

static const Field fields[] = {
  FIELD ("rank", FIELD_RANK, rank),
  FIELD ("submission_id", FIELD_INT64, submission_id),
  FIELD ("title", FIELD_TEXT, title),
  FIELD ("author", FIELD_TEXT, author),
  FIELD ("image_sha256", FIELD_TEXT, image_sha256),
  FIELD ("image_path", FIELD_TEXT, image_path),
  FIELD ("votes_counted", FIELD_COUNT, votes_counted),
  FIELD ("votes_excluded", FIELD_COUNT, votes_excluded),
  FIELD ("mean_score", FIELD_NUMBER, mean_score),
  FIELD ("bayesian_average", FIELD_NUMBER, bayesian_average),
  FIELD ("jury_score", FIELD_NUMBER, jury_score),
  FIELD ("combined_score", FIELD_NUMBER, combined_score),
  FIELD ("flags", FIELD_FLAGS, flags),
};

#define MEMBER(entry, type, field) (*(const type *) (gconstpointer) ((const guint8 *) (entry) + (field)->offset))

static void
append_csv_cell (GString                 *csv,
                 const ChorusRankedEntry *entry,
                 const Field             *field)
{
  g_auto(GStrv) keys = NULL;
  g_autofree char *joined = NULL;

  switch (field->type)
    {
    case FIELD_RANK:
    case FIELD_COUNT:
      g_string_append_printf (csv, "%u", MEMBER (entry, guint, field));
      break;
    case FIELD_INT64:
      g_string_append_printf (csv, "%" G_GINT64_FORMAT, MEMBER (entry, gint64, field));
      break;
    case FIELD_TEXT:
      if (MEMBER (entry, char *, field) != NULL)
        chorus_csv_append_field (csv, MEMBER (entry, char *, field));
      break;
    case FIELD_NUMBER:
      chorus_csv_append_number (csv, MEMBER (entry, double, field));
      break;
    case FIELD_FLAGS:
      keys = chorus_ranking_flags_to_keys (MEMBER (entry, ChorusRankingFlags, field));
      joined = g_strjoinv (";", keys);
      chorus_csv_append_field (csv, joined);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * chorus_ranking_dup_csv:
 *
 * Returns: (transfer full): the ranking as CSV, a header row first
 */
char *
chorus_ranking_dup_csv (const ChorusRanking *ranking)
{
  GString *csv = g_string_new (NULL);

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    g_string_append_printf (csv, f == 0 ? "%s" : ",%s", fields[f].name);
  g_string_append (csv, "\r\n");

  for (guint i = 0; i < chorus_ranking_get_n_entries (ranking); i++)
    {
      const ChorusRankedEntry *entry = chorus_ranking_get_entry (ranking, i);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          if (f > 0)
            g_string_append_c (csv, ',');
          append_csv_cell (csv, entry, &fields[f]);
        }
      g_string_append (csv, "\r\n");
    }

  return g_string_free (csv, FALSE);
}

static void
set_number (JsonObject *object,
            const char *name,
            double      value)
{
  if (isnan (value))
    json_object_set_null_member (object, name);
  else
    json_object_set_double_member (object, name, value);
}

static void
set_json_member (JsonObject              *object,
                 const ChorusRankedEntry *entry,
                 const Field             *field)
{
  g_auto(GStrv) keys = NULL;
  JsonArray *array;

  switch (field->type)
    {
    case FIELD_RANK:
    case FIELD_COUNT:
      json_object_set_int_member (object, field->name, MEMBER (entry, guint, field));
      break;
    case FIELD_INT64:
      json_object_set_int_member (object, field->name, MEMBER (entry, gint64, field));
      break;
    case FIELD_TEXT:
      if (MEMBER (entry, char *, field) != NULL)
        json_object_set_string_member (object, field->name, MEMBER (entry, char *, field));
      else
        json_object_set_null_member (object, field->name);
      break;
    case FIELD_NUMBER:
      set_number (object, field->name, MEMBER (entry, double, field));
      break;
    case FIELD_FLAGS:
      keys = chorus_ranking_flags_to_keys (MEMBER (entry, ChorusRankingFlags, field));
      array = json_array_sized_new (g_strv_length (keys));
      for (guint k = 0; keys[k] != NULL; k++)
        json_array_add_string_element (array, keys[k]);
      json_object_set_array_member (object, field->name, array);
      break;
    default:
      g_assert_not_reached ();
    }
}

static JsonObject *
challenge_to_json (const ChorusRanking *ranking)
{
  JsonObject *challenge = json_object_new ();

  json_object_set_int_member (challenge, "id", chorus_ranking_get_challenge_id (ranking));
  json_object_set_string_member (challenge, "title", chorus_ranking_get_title (ranking));
  json_object_set_string_member (challenge, "hashtag", chorus_ranking_get_hashtag (ranking));
  json_object_set_string_member (challenge, "scale", chorus_ranking_get_scale (ranking));
  json_object_set_double_member (challenge, "community_weight", chorus_ranking_get_community_weight (ranking));
  json_object_set_int_member (challenge, "voters", chorus_ranking_get_n_voters (ranking));
  set_number (challenge, "prior_mean", chorus_ranking_get_prior_mean (ranking));
  set_number (challenge, "prior_weight", chorus_ranking_get_prior_weight (ranking));
  json_object_set_int_member (challenge, "jurors", chorus_ranking_get_n_jurors (ranking));
  set_number (challenge, "jury_agreement", chorus_ranking_get_agreement (ranking));
  return challenge;
}

/**
 * chorus_ranking_to_json:
 *
 * Returns: (transfer full): the ranking as a JSON object
 */
JsonNode *
chorus_ranking_to_json (const ChorusRanking *ranking)
{
  JsonObject *root = json_object_new ();
  JsonArray *entries = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < chorus_ranking_get_n_entries (ranking); i++)
    {
      const ChorusRankedEntry *entry = chorus_ranking_get_entry (ranking, i);
      JsonObject *object = json_object_new ();

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        set_json_member (object, entry, &fields[f]);
      json_array_add_object_element (entries, object);
    }

  json_object_set_object_member (root, "challenge", challenge_to_json (ranking));
  json_object_set_array_member (root, "entries", entries);
  json_node_take_object (node, root);
  return node;
}
