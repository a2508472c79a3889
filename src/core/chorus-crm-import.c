/* chorus-crm-import.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chorus-crm-import.h"
#include "chorus-error.h"
#include "chorus-format.h"

/* The plain half of a CRM import (see chorus-store-crm.c for the store's):
 * the mapping of the file's columns, what a cell of the match column says
 * about whose it is, and the words a preview is told in.
 *
 * The mapping is saved with each import as versioned JSON:
 *   {"version": 1, "columns": [{"header": "Handle", "use": "match"},
 *                              {"header": "Plan", "use": "field", "field": "Plan"},
 *                              {"header": "Notes", "use": "ignore"}]} */

#define MAPPING_VERSION 1

typedef struct
{
  char                *header;
  ChorusCrmColumnRole  role;
  char                *field;
} Column;

struct _ChorusCrmMapping
{
  GArray *columns;   /* Column */
};

/* Words of a header that say its column names people's accounts. */
static const char * const match_words[] = {
  "handle", "username", "mastodon", "bluesky", "fediverse", "profile", "url", NULL
};

static void
clear_column (Column *column)
{
  g_free (column->header);
  g_free (column->field);
}

static Column *
get_column (const ChorusCrmMapping *self,
            guint                   column)
{
  g_assert (column < self->columns->len);

  return &g_array_index (self->columns, Column, column);
}

/* A field's default name: the header, or "Column 3" when it is empty. */
static char *
dup_default_field (const char *header,
                   guint       column)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (header != NULL ? header : ""));

  if (*trimmed != '\0')
    return g_steal_pointer (&trimmed);

  /* Translators: the name of a field imported from a CSV column that has no header; %u counts from 1. */
  return g_strdup_printf (_("Column %u"), column + 1);
}

/**
 * chorus_crm_mapping_new:
 * @header: the file's header row
 *
 * Returns: (transfer full): a mapping that ignores every column
 */
ChorusCrmMapping *
chorus_crm_mapping_new (const char * const *header)
{
  ChorusCrmMapping *self = g_new0 (ChorusCrmMapping, 1);

  g_return_val_if_fail (header != NULL, NULL);

  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, (GDestroyNotify) clear_column);

  for (guint i = 0; header[i] != NULL; i++)
    {
      Column column = { g_strdup (header[i]), CHORUS_CRM_COLUMN_IGNORE, NULL };

      g_array_append_val (self->columns, column);
    }

  return self;
}

static gboolean
names_account (const char *header)
{
  g_autofree char *lower = g_utf8_strdown (header, -1);
  g_auto(GStrv) words = NULL;

  g_strdelimit (lower, " _-./:#", ' ');
  words = g_strsplit (lower, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_strv_contains (match_words, words[i]))
        return TRUE;
    }

  return FALSE;
}

/**
 * chorus_crm_mapping_guess:
 * @header: the file's header row
 *
 * Guesses a mapping: the first column whose header says it holds handles
 * or profile addresses (Handle, Username, Mastodon, Bluesky, Profile URL…)
 * finds the people, and every other column becomes a field named by its
 * header.
 *
 * Returns: (transfer full): the mapping
 */
ChorusCrmMapping *
chorus_crm_mapping_guess (const char * const *header)
{
  ChorusCrmMapping *self = chorus_crm_mapping_new (header);
  gboolean matched = FALSE;

  for (guint i = 0; i < self->columns->len; i++)
    {
      gboolean match = !matched && names_account (get_column (self, i)->header);

      chorus_crm_mapping_set (self, i, match ? CHORUS_CRM_COLUMN_MATCH : CHORUS_CRM_COLUMN_FIELD, NULL);
      matched |= match;
    }

  return self;
}

ChorusCrmMapping *
chorus_crm_mapping_copy (const ChorusCrmMapping *self)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  ChorusCrmMapping *copy;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->columns->len; i++)
    g_ptr_array_add (header, get_column (self, i)->header);
  g_ptr_array_add (header, NULL);

  copy = chorus_crm_mapping_new ((const char * const *) header->pdata);
  for (guint i = 0; i < self->columns->len; i++)
    chorus_crm_mapping_set (copy, i, get_column (self, i)->role, get_column (self, i)->field);

  return copy;
}

void
chorus_crm_mapping_free (ChorusCrmMapping *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->columns);
  g_free (self);
}

guint
chorus_crm_mapping_get_n_columns (const ChorusCrmMapping *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

const char *
chorus_crm_mapping_get_header (const ChorusCrmMapping *self,
                               guint                   column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return get_column (self, column)->header;
}

/**
 * chorus_crm_mapping_set:
 * @self: a #ChorusCrmMapping
 * @column: a column of the file
 * @role: what the import does with it
 * @field: (nullable): for %CHORUS_CRM_COLUMN_FIELD, the field's name;
 *   %NULL for the column's header
 */
void
chorus_crm_mapping_set (ChorusCrmMapping    *self,
                        guint                column,
                        ChorusCrmColumnRole  role,
                        const char          *field)
{
  Column *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->columns->len);

  entry = get_column (self, column);
  entry->role = role;
  g_clear_pointer (&entry->field, g_free);
  if (role == CHORUS_CRM_COLUMN_FIELD)
    entry->field = field != NULL ? g_strstrip (g_strdup (field)) : dup_default_field (entry->header, column);
}

ChorusCrmColumnRole
chorus_crm_mapping_get_role (const ChorusCrmMapping *self,
                             guint                   column)
{
  g_return_val_if_fail (self != NULL, CHORUS_CRM_COLUMN_IGNORE);
  g_return_val_if_fail (column < self->columns->len, CHORUS_CRM_COLUMN_IGNORE);

  return get_column (self, column)->role;
}

/* Returns: (nullable): the field the column fills, or %NULL when it fills none */
const char *
chorus_crm_mapping_get_field (const ChorusCrmMapping *self,
                              guint                   column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return get_column (self, column)->field;
}

/* Returns: the column that finds people, or -1 unless exactly one does */
int
chorus_crm_mapping_get_match_column (const ChorusCrmMapping *self)
{
  int found = -1;

  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->columns->len; i++)
    {
      if (get_column (self, i)->role != CHORUS_CRM_COLUMN_MATCH)
        continue;
      if (found >= 0)
        return -1;
      found = i;
    }

  return found;
}

/* Returns: the column whose header is @name (trimmed, in any case), or
 *   whose number it is (counting from 1), or -1 */
int
chorus_crm_mapping_find_column (const ChorusCrmMapping *self,
                                const char             *name)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *wanted = NULL;
  guint64 number;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  trimmed = g_strstrip (g_strdup (name));
  wanted = g_utf8_casefold (trimmed, -1);
  for (guint i = 0; i < self->columns->len; i++)
    {
      g_autofree char *header_trimmed = g_strstrip (g_strdup (get_column (self, i)->header));
      g_autofree char *header = g_utf8_casefold (header_trimmed, -1);

      if (g_str_equal (header, wanted))
        return i;
    }

  if (g_ascii_string_to_unsigned (name, 10, 1, self->columns->len, &number, NULL))
    return number - 1;

  return -1;
}

/**
 * chorus_crm_mapping_check:
 * @self: a #ChorusCrmMapping
 * @error: a location for a #GError
 *
 * Whether an import can run with @self: exactly one column finds the
 * people, at least one fills a field, and no two fill the same field.
 */
gboolean
chorus_crm_mapping_check (const ChorusCrmMapping  *self,
                          GError                 **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_match = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = get_column (self, i);

      n_match += column->role == CHORUS_CRM_COLUMN_MATCH;
      if (column->role != CHORUS_CRM_COLUMN_FIELD)
        continue;

      if (*column->field == '\0')
        {
          g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                               _("Every imported field needs a name."));
          return FALSE;
        }
      if (!g_hash_table_add (fields, column->field))
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %s is the name of a person field, such as “Plan”. */
                       _("Two columns would both fill the field “%s”. Give one of them another name."),
                       column->field);
          return FALSE;
        }
    }

  if (n_match != 1)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           n_match == 0
                             ? _("Choose the column that finds the people: a handle or a profile address.")
                             : _("Only one column can find the people."));
      return FALSE;
    }

  if (g_hash_table_size (fields) == 0)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("Choose at least one column to import as a field."));
      return FALSE;
    }

  return TRUE;
}

static const char *
role_key (ChorusCrmColumnRole role)
{
  switch (role)
    {
    case CHORUS_CRM_COLUMN_MATCH:
      return "match";
    case CHORUS_CRM_COLUMN_FIELD:
      return "field";
    case CHORUS_CRM_COLUMN_IGNORE:
    default:
      return "ignore";
    }
}

/* Returns: (transfer full): the mapping as versioned JSON, for crm_imports */
char *
chorus_crm_mapping_to_json (const ChorusCrmMapping *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MAPPING_VERSION);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = get_column (self, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "header");
      json_builder_add_string_value (builder, column->header);
      json_builder_set_member_name (builder, "use");
      json_builder_add_string_value (builder, role_key (column->role));
      if (column->field != NULL)
        {
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, column->field);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Keys */

/**
 * chorus_crm_normalize_url:
 * @url: a web address
 *
 * Returns: (transfer full): @url in the form profile addresses are
 *   compared in: lower case, without its scheme, "www.", query, fragment
 *   or trailing slashes
 */
char *
chorus_crm_normalize_url (const char *url)
{
  g_autofree char *lower = g_utf8_strdown (url, -1);
  char *start = g_strstrip (lower);
  char *end;

  if (g_str_has_prefix (start, "https://"))
    start += strlen ("https://");
  else if (g_str_has_prefix (start, "http://"))
    start += strlen ("http://");
  if (g_str_has_prefix (start, "www."))
    start += strlen ("www.");

  start[strcspn (start, "?#")] = '\0';
  for (end = start + strlen (start); end > start && end[-1] == '/'; end--)
    end[-1] = '\0';

  return g_strdup (start);
}

/* The account a profile address names: /@ana or /@ana@server on Mastodon,
 * /profile/ana.bsky.social on Bluesky, /u/ana on Discourse. */
static void
parse_url_account (ChorusCrmKey *key)
{
  g_auto(GStrv) parts = g_strsplit (key->url, "/", 4);
  const char *at;

  if (g_strv_length (parts) < 2 || *parts[0] == '\0' || *parts[1] == '\0')
    return;

  if (parts[1][0] == '@' && parts[1][1] != '\0')
    {
      if ((at = strchr (parts[1] + 1, '@')) != NULL)
        {
          key->handle = g_strndup (parts[1] + 1, at - parts[1] - 1);
          key->server = g_strdup (at + 1);
        }
      else
        {
          key->handle = g_strdup (parts[1] + 1);
          key->server = g_strdup (parts[0]);
        }
    }
  else if (g_str_equal (parts[1], "profile") && g_str_equal (parts[0], "bsky.app") &&
           parts[2] != NULL && *parts[2] != '\0')
    key->handle = g_strdup (parts[2]);
  else if (g_str_equal (parts[1], "u") && parts[2] != NULL && *parts[2] != '\0')
    {
      key->handle = g_strdup (parts[2]);
      key->server = g_strdup (parts[0]);
    }
}

/**
 * chorus_crm_key_parse:
 * @key: (out caller-allocates): the key, cleared with chorus_crm_key_clear()
 * @cell: a cell of the match column
 *
 * Reads a handle (“@ana”, “ana.bsky.social”), an account on a server
 * (“@ana@mastodon.social”) or a profile address (“https://…”).
 */
void
chorus_crm_key_parse (ChorusCrmKey *key,
                      const char   *cell)
{
  g_autofree char *text = g_strstrip (g_strdup (cell != NULL ? cell : ""));
  const char *handle = text;
  const char *at;

  memset (key, 0, sizeof *key);

  if (g_ascii_strncasecmp (text, "https://", 8) == 0 || g_ascii_strncasecmp (text, "http://", 7) == 0)
    {
      key->kind = CHORUS_CRM_KEY_URL;
      key->url = chorus_crm_normalize_url (text);
      parse_url_account (key);
      return;
    }

  if (*handle == '@')
    handle++;
  if (*handle == '\0')
    return;

  if ((at = strchr (handle, '@')) != NULL && at != handle && at[1] != '\0')
    {
      key->kind = CHORUS_CRM_KEY_ACCOUNT;
      key->handle = g_strndup (handle, at - handle);
      key->server = g_ascii_strdown (at + 1, -1);
      return;
    }

  key->kind = CHORUS_CRM_KEY_HANDLE;
  key->handle = g_strdup (handle);
}

void
chorus_crm_key_clear (ChorusCrmKey *key)
{
  g_clear_pointer (&key->handle, g_free);
  g_clear_pointer (&key->server, g_free);
  g_clear_pointer (&key->url, g_free);
  key->kind = CHORUS_CRM_KEY_NONE;
}

/* Previews */

static void
preview_row_free (ChorusCrmPreviewRow *row)
{
  g_free (row->person_name);
  g_free (row);
}

ChorusCrmPreview *
chorus_crm_preview_new (void)
{
  ChorusCrmPreview *self = g_new0 (ChorusCrmPreview, 1);

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) preview_row_free);
  return self;
}

void
chorus_crm_preview_free (ChorusCrmPreview *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_free (self);
}

/**
 * chorus_crm_totals_dup_text:
 * @totals: an import's or a preview's totals
 *
 * Returns: (transfer full): one translated sentence, such as “142 rows:
 *   120 match a person, 18 match nobody, 4 match more than one person”
 */
char *
chorus_crm_totals_dup_text (const ChorusCrmTotals *totals)
{
  g_autofree char *rows = NULL;
  g_autofree char *matched = NULL;
  g_autofree char *unmatched = NULL;
  g_autofree char *ambiguous = NULL;
  g_autofree char *n_rows = NULL, *n_matched = NULL, *n_unmatched = NULL, *n_ambiguous = NULL;

  g_return_val_if_fail (totals != NULL, NULL);

  n_rows = chorus_format_count (totals->n_rows);
  n_matched = chorus_format_count (totals->n_matched);
  n_unmatched = chorus_format_count (totals->n_unmatched);
  n_ambiguous = chorus_format_count (totals->n_ambiguous);
  /* Translators: the start of the totals of a CSV file, “142 rows: …”; %s is a number formatted for
   * the locale, as in the next three. */
  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", totals->n_rows), n_rows);
  /* Translators: how many rows of a CSV file match a person of the workspace. */
  matched = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s matches a person", "%s match a person",
                                          totals->n_matched), n_matched);
  /* Translators: %s is a number of rows of the imported CRM file, formatted for the locale. */
  unmatched = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s matches nobody", "%s match nobody",
                                            totals->n_unmatched), n_unmatched);
  /* Translators: %s is a number of rows of the imported CRM file, formatted for the locale. */
  ambiguous = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s matches more than one person",
                                            "%s match more than one person", totals->n_ambiguous),
                               n_ambiguous);

  /* What did not happen is left out: “7 rows: 7 match a person”. */
  if (totals->n_unmatched > 0 && totals->n_ambiguous > 0)
    /* Translators: the totals of a CSV file: “142 rows”, then “120 match a
     * person”, “18 match nobody” and “4 match more than one person”. */
    return g_strdup_printf (_("%s: %s, %s, %s"), rows, matched, unmatched, ambiguous);
  if (totals->n_unmatched > 0 || totals->n_ambiguous > 0)
    /* Translators: the totals of a CSV file: “142 rows”, then “120 match a
     * person” and “22 match nobody” (or “22 match more than one person”). */
    return g_strdup_printf (C_("csv totals", "%s: %s, %s"), rows, matched,
                            totals->n_unmatched > 0 ? unmatched : ambiguous);
  /* Translators: the totals of a CSV file: “142 rows”, then “142 match a person”. */
  return g_strdup_printf (C_("csv totals", "%s: %s"), rows, matched);
}

/* Returns: (transfer full): whom the row matched: the person's name, or
 *   why nobody */
char *
chorus_crm_preview_row_dup_match (const ChorusCrmPreviewRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  switch (row->match)
    {
    case CHORUS_CRM_MATCH_ONE:
      return g_strdup (row->person_name);
    case CHORUS_CRM_MATCH_AMBIGUOUS:
      /* Translators: a row of a CSV file whose handle belongs to several people; %u is how many. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Ambiguous (matches %u person)",
                                           "Ambiguous (matches %u people)", row->n_people),
                              row->n_people);
    case CHORUS_CRM_MATCH_NONE:
    default:
      /* Translators: a row of a CSV file that matches no person of the workspace. */
      return g_strdup (_("No match"));
    }
}
