/* chorus-csv.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-csv.h"
#include "chorus-error.h"

/* Comma-separated values as RFC 4180 writes them and spreadsheets export
 * them: fields in double quotes may hold the delimiter, line breaks and
 * doubled quotes; lines end in CRLF or LF; a UTF-8 byte order mark is
 * dropped. The delimiter is whichever of comma, semicolon and tab the
 * header line holds most of (spreadsheets in many locales write
 * semicolons). Only UTF-8 is read: a file in another encoding would
 * otherwise put wrong letters into the workspace without a word.
 *
 * The reader goes on past a bad row, so that one pass names the line of
 * every bad row; the table refuses a file with any. */

#define UTF8_BOM "\xef\xbb\xbf"
/* How many bad rows a table's error lists before "and N more". */
#define MAX_LISTED_PROBLEMS 10

struct _ChorusCsvReader
{
  GBytes     *bytes;
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;       /* the line at pos */
  char        delimiter;
  gboolean    done;
  GStrv       header;
  guint       n_columns;
};

struct _ChorusCsvTable
{
  gatomicrefcount  ref_count;
  char            *name;
  GStrv            header;
  GArray          *rows;    /* ChorusCsvRow */
};

static char
detect_delimiter (const char *data,
                  gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
        break;
      else if (!quoted)
        {
          for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
            counts[c] += data[i] == candidates[c];
        }
    }

  /* Ties go to the comma, then the semicolon. */
  for (guint c = 1; c < G_N_ELEMENTS (candidates); c++)
    {
      if (counts[c] > counts[best])
        best = c;
    }

  return candidates[best];
}

static gboolean
check_utf8 (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    line += *p == '\n';

  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
               /* Translators: %u is a line number of the file. */
               _("The file is not UTF-8 text: line %u holds something else. Save it as CSV with the UTF-8 encoding and try again."),
               line);
  return FALSE;
}

static gboolean
check_size (guint64   size,
            GError  **error)
{
  g_autofree char *limit = NULL;
  g_autofree char *actual = NULL;

  if (size <= CHORUS_CSV_MAX_BYTES)
    return TRUE;

  limit = g_format_size (CHORUS_CSV_MAX_BYTES);
  actual = g_format_size (size);
  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
               /* Translators: both %s are sizes such as “52.4 MB”. */
               _("The file is too big (%s): at most %s can be read."), actual, limit);
  return FALSE;
}

static gboolean
at_line_end (ChorusCsvReader *self)
{
  return self->pos >= self->length || self->data[self->pos] == '\n' || self->data[self->pos] == '\r';
}

/* Steps over a line break at pos, if there is one. */
static void
skip_line_end (ChorusCsvReader *self)
{
  if (self->pos < self->length && self->data[self->pos] == '\r')
    self->pos++;
  if (self->pos < self->length && self->data[self->pos] == '\n')
    self->pos++;
  self->line++;
}

static void
skip_rest_of_line (ChorusCsvReader *self)
{
  while (!at_line_end (self))
    self->pos++;
  skip_line_end (self);
}

/* Reads a quoted field from after its opening quote to after its closing
 * one. Returns FALSE when the file ends first. */
static gboolean
read_quoted (ChorusCsvReader *self,
             GString         *field)
{
  while (self->pos < self->length)
    {
      char c = self->data[self->pos++];

      if (c != '"')
        {
          self->line += c == '\n';
          g_string_append_c (field, c);
        }
      else if (self->pos < self->length && self->data[self->pos] == '"')
        {
          g_string_append_c (field, '"');
          self->pos++;
        }
      else
        return TRUE;
    }

  return FALSE;
}

static ChorusCsvStatus
bad_row (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static ChorusCsvStatus
bad_row (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE, message);
  return CHORUS_CSV_BAD_ROW;
}

/* Reads one record into @fields; blank lines are skipped. */
static ChorusCsvStatus
read_record (ChorusCsvReader  *self,
             GPtrArray        *fields,
             guint            *line,
             GError          **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  while (self->pos < self->length && at_line_end (self))
    skip_line_end (self);

  *line = self->line;
  if (self->pos >= self->length)
    return CHORUS_CSV_END;

  for (;;)
    {
      if (self->pos < self->length && self->data[self->pos] == '"')
        {
          self->pos++;
          if (!read_quoted (self, field))
            {
              self->done = TRUE;
              /* Translators: %u is a line number of the CSV file. */
              return bad_row (error, _("Line %u: a quoted field is never closed."), *line);
            }
          if (!at_line_end (self) && self->data[self->pos] != self->delimiter)
            {
              skip_rest_of_line (self);
              /* Translators: %u is a line number of the CSV file. */
              return bad_row (error, _("Line %u: a closing quote is followed by more text in the same field."),
                              *line);
            }
        }

      while (!at_line_end (self) && self->data[self->pos] != self->delimiter)
        g_string_append_c (field, self->data[self->pos++]);

      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      g_string_truncate (field, 0);

      if (at_line_end (self))
        break;
      self->pos++;    /* the delimiter */
    }

  skip_line_end (self);

  if (fields->len > CHORUS_CSV_MAX_FIELDS)
    /* Translators: the first %u is a line number of the CSV file, the second the most fields a line may have. */
    return bad_row (error, _("Line %u has more than %u fields."), *line, (guint) CHORUS_CSV_MAX_FIELDS);

  return CHORUS_CSV_ROW;
}

static GStrv
steal_strv (GPtrArray *fields)
{
  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_free (fields, FALSE);
}

/**
 * chorus_csv_reader_new:
 * @bytes: a whole file
 * @error: a location for a #GError
 *
 * Checks that @bytes are UTF-8 and not too big, finds the delimiter and
 * reads the header row.
 *
 * Returns: (transfer full): a reader at the first row after the header,
 *   or %NULL with @error set
 */
ChorusCsvReader *
chorus_csv_reader_new (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(ChorusCsvReader) self = g_new0 (ChorusCsvReader, 1);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  guint line;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!check_size (g_bytes_get_size (bytes), error))
    return NULL;

  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->length);
  /* An empty GBytes may hold no pointer at all (g_bytes_new (x, 0) does
   * not keep one), and pointer arithmetic on NULL is undefined even by
   * zero: read it as an empty buffer. */
  if (self->data == NULL)
    self->data = "";
  self->line = 1;
  if (self->length >= 3 && memcmp (self->data, UTF8_BOM, 3) == 0)
    self->pos = 3;

  if (!check_utf8 (self->data + self->pos, self->length - self->pos, error))
    return NULL;

  self->delimiter = detect_delimiter (self->data + self->pos, self->length - self->pos);

  switch (read_record (self, header, &line, &local_error))
    {
    case CHORUS_CSV_END:
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("The file is empty: it has no header row naming its columns."));
      return NULL;
    case CHORUS_CSV_BAD_ROW:
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    case CHORUS_CSV_ROW:
    default:
      break;
    }

  self->n_columns = header->len;
  self->header = steal_strv (g_steal_pointer (&header));

  return g_steal_pointer (&self);
}

void
chorus_csv_reader_free (ChorusCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_strfreev (self->header);
  g_free (self);
}

const char * const *
chorus_csv_reader_get_header (ChorusCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->header;
}

guint
chorus_csv_reader_get_n_columns (ChorusCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

char
chorus_csv_reader_get_delimiter (ChorusCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->delimiter;
}

/**
 * chorus_csv_reader_next:
 * @self: a #ChorusCsvReader
 * @fields: (out) (transfer full): the row's fields, as many as the header
 *   has columns, when %CHORUS_CSV_ROW is returned
 * @line: (out) (optional): the line the row starts on
 * @error: the problem, naming the line, when %CHORUS_CSV_BAD_ROW is returned
 *
 * Reads the next row. After a bad row the reader goes on with the next
 * line, unless a quote was never closed, which ends the file.
 *
 * Returns: whether a row was read, a bad row skipped, or the file ended
 */
ChorusCsvStatus
chorus_csv_reader_next (ChorusCsvReader  *self,
                        GStrv            *fields,
                        guint            *line,
                        GError          **error)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  ChorusCsvStatus status;
  guint row_line;

  g_return_val_if_fail (self != NULL, CHORUS_CSV_END);
  g_return_val_if_fail (fields != NULL, CHORUS_CSV_END);

  *fields = NULL;
  if (self->done)
    return CHORUS_CSV_END;

  status = read_record (self, row, &row_line, error);
  if (line != NULL)
    *line = row_line;
  if (status != CHORUS_CSV_ROW)
    return status;

  if (row->len != self->n_columns)
    return bad_row (error,
                    /* Translators: the first %u is a line number; the others count fields. */
                    g_dngettext (GETTEXT_PACKAGE, "Line %u has %u field, but the header has %u.",
                                 "Line %u has %u fields, but the header has %u.", row->len),
                    row_line, row->len, self->n_columns);

  *fields = steal_strv (g_steal_pointer (&row));
  return CHORUS_CSV_ROW;
}

/**
 * chorus_csv_load_bytes:
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Reads @file, refusing one bigger than %CHORUS_CSV_MAX_BYTES before
 * reading it.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
chorus_csv_load_bytes (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                  cancellable, error)) ||
      !check_size (g_file_info_get_size (info), error) ||
      !(bytes = g_file_load_bytes (file, cancellable, NULL, error)) ||
      !check_size (g_bytes_get_size (bytes), error))
    return NULL;

  return g_steal_pointer (&bytes);
}

static void
clear_row (ChorusCsvRow *row)
{
  g_strfreev (row->fields);
}

/* Lists the first bad rows' problems, one per line. */
static void
add_problem (GString  *problems,
             guint    *n_problems,
             GError   *error)
{
  if (++*n_problems <= MAX_LISTED_PROBLEMS)
    g_string_append_printf (problems, "\n%s", error->message);
}

static gboolean
report_problems (GString  *problems,
                 guint     n_problems,
                 GError  **error)
{
  guint more = n_problems - MIN (n_problems, MAX_LISTED_PROBLEMS);

  if (n_problems == 0)
    return TRUE;

  if (more > 0)
    {
      g_string_append_c (problems, '\n');
      g_string_append_printf (problems,
                              /* Translators: %u is how many more bad rows a file has than were listed. */
                              g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more", more), more);
    }
  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE, "%s%s",
               g_dngettext (GETTEXT_PACKAGE, "This file has a row that cannot be read:",
                            "This file has rows that cannot be read:", n_problems),
               problems->str);
  return FALSE;
}

/**
 * chorus_csv_table_new_from_bytes:
 * @bytes: a whole file
 * @error: a location for a #GError
 *
 * Reads every row. A file with any bad row is refused, with an error
 * that names the lines of (the first ten) bad rows.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
ChorusCsvTable *
chorus_csv_table_new_from_bytes (GBytes  *bytes,
                                 GError **error)
{
  g_autoptr(ChorusCsvReader) reader = NULL;
  g_autoptr(ChorusCsvTable) self = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;
  ChorusCsvStatus status;

  if (!(reader = chorus_csv_reader_new (bytes, error)))
    return NULL;

  self = g_new0 (ChorusCsvTable, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup ("");
  self->header = g_strdupv (reader->header);
  self->rows = g_array_new (FALSE, FALSE, sizeof (ChorusCsvRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) clear_row);

  do
    {
      g_autoptr(GError) local_error = NULL;
      ChorusCsvRow row = { 0, };

      status = chorus_csv_reader_next (reader, &row.fields, &row.line, &local_error);
      if (status == CHORUS_CSV_ROW)
        g_array_append_val (self->rows, row);
      else if (status == CHORUS_CSV_BAD_ROW)
        add_problem (problems, &n_problems, local_error);
    }
  while (status != CHORUS_CSV_END);

  if (!report_problems (problems, n_problems, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * chorus_csv_table_new_for_file:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for a #GError
 *
 * Reads @file as chorus_csv_table_new_from_bytes() does; the table's
 * name is the file's.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
ChorusCsvTable *
chorus_csv_table_new_for_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  ChorusCsvTable *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(bytes = chorus_csv_load_bytes (file, cancellable, error)) ||
      !(self = chorus_csv_table_new_from_bytes (bytes, error)))
    return NULL;

  g_free (self->name);
  self->name = g_file_get_basename (file);
  return self;
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  ChorusCsvTable *table;

  if ((table = chorus_csv_table_new_for_file (task_data, cancellable, &error)))
    g_task_return_pointer (task, table, (GDestroyNotify) chorus_csv_table_unref);
  else
    g_task_return_error (task, error);
}

/**
 * chorus_csv_table_load_async:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is read
 * @user_data: data for @callback
 *
 * Reads @file in a worker as chorus_csv_table_new_for_file() does.
 */
void
chorus_csv_table_load_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_csv_table_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_worker);
}

ChorusCsvTable *
chorus_csv_table_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

ChorusCsvTable *
chorus_csv_table_ref (ChorusCsvTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
chorus_csv_table_unref (ChorusCsvTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  g_strfreev (self->header);
  g_array_unref (self->rows);
  g_free (self);
}

/* Returns: the file's name, or "" for a table made from bytes */
const char *
chorus_csv_table_get_name (ChorusCsvTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

const char * const *
chorus_csv_table_get_header (ChorusCsvTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->header;
}

guint
chorus_csv_table_get_n_columns (ChorusCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_strv_length (self->header);
}

guint
chorus_csv_table_get_n_rows (ChorusCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/* Returns: the row below the header at @index, counting from 0 */
const ChorusCsvRow *
chorus_csv_table_get_row (ChorusCsvTable *self,
                          guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return &g_array_index (self->rows, ChorusCsvRow, index);
}

/* Writing: the other half of RFC 4180, for exports. A field is quoted
 * when it holds a comma, a quote or a line break, or starts or ends with
 * a space; a field that starts like a spreadsheet formula (=, +, -, @,
 * tab) is written as text, behind a quote mark, so that opening the file
 * never runs it. Numbers are written in the C locale ("." for decimals, no
 * digit grouping), the same in every language: the README says so, and
 * g_ascii_formatd() keeps to it where printf() would write "0,5" in a
 * process running in de_DE. */

/**
 * chorus_csv_append_field:
 * @csv: the file so far
 * @text: the field, UTF-8
 *
 * Appends @text as one field, quoted as needed.
 */
void
chorus_csv_append_field (GString    *csv,
                         const char *text)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL || *text == ' ' ||
                   (*text != '\0' && text[strlen (text) - 1] == ' ');

  /* A cell that starts like a formula is written as text. */
  if (strchr ("=+-@\t", *text) != NULL && *text != '\0')
    {
      g_string_append (csv, "\"'");
      quote = TRUE;
    }
  else if (quote)
    g_string_append_c (csv, '"');

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }

  if (quote)
    g_string_append_c (csv, '"');
}

/**
 * chorus_csv_append_number:
 * @csv: the file so far
 * @value: the number
 *
 * Appends @value with six decimals in the C locale, or nothing (an empty
 * field) when it is NaN.
 */
void
chorus_csv_append_number (GString *csv,
                          double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (value))
    g_string_append (csv, g_ascii_formatd (buffer, sizeof buffer, "%.6f", value));
}
