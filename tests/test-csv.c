/* test-csv.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The CSV reader: every RFC 4180 case (quoted fields holding delimiters,
 * doubled quotes and line breaks; CRLF and LF; no final line break), the
 * three delimiters, the UTF-8 byte order mark, bad rows with their line
 * numbers, text that is not UTF-8, and the caps on size and fields. Each
 * case gives a file and what the reader makes of it, as
 * "line:field|field" per row, or the line of each bad row. */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chorus-csv.h"
#include "chorus-error.h"
#include "chorus-test-util.h"

typedef struct
{
  const char *name;
  const char *input;
  char        delimiter;
  const char *header;     /* fields joined with | */
  const char *rows;       /* "line:f|f\n" per row, "line:!\n" per bad row */
} Case;

static const Case cases[] = {
  { "lf", "handle,plan\n@ana,Pro\n@bo,Free\n", ',', "handle|plan", "2:@ana|Pro\n3:@bo|Free\n" },
  { "crlf", "handle,plan\r\n@ana,Pro\r\n@bo,Free\r\n", ',', "handle|plan", "2:@ana|Pro\n3:@bo|Free\n" },
  { "no-final-newline", "a,b\n1,2", ',', "a|b", "2:1|2\n" },
  { "quoted-comma", "a,b\n\"x, y\",2\n", ',', "a|b", "2:x, y|2\n" },
  { "doubled-quote", "a,b\n\"say \"\"hi\"\"\",2\n", ',', "a|b", "2:say \"hi\"|2\n" },
  { "embedded-newline", "a,b\n\"one\ntwo\",2\n3,4\n", ',', "a|b", "2:one\ntwo|2\n4:3|4\n" },
  { "embedded-crlf", "a,b\r\n\"one\r\ntwo\",2\r\n3,4\r\n", ',', "a|b", "2:one\r\ntwo|2\n4:3|4\n" },
  { "quoted-header", "\"a,1\",b\n1,2\n", ',', "a,1|b", "2:1|2\n" },
  { "empty-fields", "a,b,c\n,,\n1,,3\n", ',', "a|b|c", "2:||\n3:1||3\n" },
  { "empty-quoted", "a,b\n\"\",2\n", ',', "a|b", "2:|2\n" },
  { "blank-lines", "a,b\n\n1,2\n\r\n3,4\n\n", ',', "a|b", "3:1|2\n5:3|4\n" },
  { "bom", "\xef\xbb\xbfhandle,plan\n@ana,Pro\n", ',', "handle|plan", "2:@ana|Pro\n" },
  { "semicolon", "handle;plan;note\n@ana;Pro;a, b\n", ';', "handle|plan|note", "2:@ana|Pro|a, b\n" },
  { "tab", "handle\tplan\n@ana\tPro, Max\n", '\t', "handle|plan", "2:@ana|Pro, Max\n" },
  { "quoted-delimiters-ignored", "\"a;b;c\",d\n1,2\n", ',', "a;b;c|d", "2:1|2\n" },
  { "single-column", "handle\n@ana\n", ',', "handle", "2:@ana\n" },
  { "utf8", "nombre,ciudad\nAna,Bogotá 🌿\n", ',', "nombre|ciudad", "2:Ana|Bogotá 🌿\n" },
  { "too-few-fields", "a,b,c\n1,2\n3,4,5\n", ',', "a|b|c", "2:!\n3:3|4|5\n" },
  { "too-many-fields", "a,b\n1,2\n3,4,5\n6,7\n", ',', "a|b", "2:1|2\n3:!\n4:6|7\n" },
  { "text-after-quote", "a,b\n\"x\"y,2\n3,4\n", ',', "a|b", "2:!\n3:3|4\n" },
  { "unterminated-quote", "a,b\n1,2\n\"open,3\n4,5\n", ',', "a|b", "2:1|2\n3:!\n" },
  { "bad-after-multiline", "a,b\n\"x\ny\",2\n1\n", ',', "a|b", "2:x\ny|2\n4:!\n" },
};

static char *
join_fields (const char * const *fields)
{
  return g_strjoinv ("|", (GStrv) fields);
}

static char *
read_rows (ChorusCsvReader *reader)
{
  GString *text = g_string_new (NULL);
  ChorusCsvStatus status;

  do
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) error = NULL;
      guint line = 0;

      status = chorus_csv_reader_next (reader, &fields, &line, &error);
      if (status == CHORUS_CSV_ROW)
        {
          g_autofree char *joined = join_fields ((const char * const *) fields);

          g_assert_no_error (error);
          g_string_append_printf (text, "%u:%s\n", line, joined);
        }
      else if (status == CHORUS_CSV_BAD_ROW)
        {
          g_autofree char *where = g_strdup_printf ("Line %u", line);

          /* The message names the line. */
          g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
          g_assert_true (g_str_has_prefix (error->message, where));
          g_assert_null (fields);
          g_string_append_printf (text, "%u:!\n", line);
        }
    }
  while (status != CHORUS_CSV_END);

  return g_string_free (text, FALSE);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (c->input, strlen (c->input));
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCsvReader) reader = chorus_csv_reader_new (bytes, &error);
  g_autofree char *header = NULL;
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (chorus_csv_reader_get_delimiter (reader), ==, c->delimiter);
  header = join_fields (chorus_csv_reader_get_header (reader));
  g_assert_cmpstr (header, ==, c->header);
  g_assert_cmpuint (chorus_csv_reader_get_n_columns (reader), ==, g_strv_length ((GStrv) chorus_csv_reader_get_header (reader)));
  rows = read_rows (reader);
  g_assert_cmpstr (rows, ==, c->rows);
}

static void
assert_refused (const char *input,
                gsize       length,
                int         code,
                const char *fragment)
{
  g_autoptr(GBytes) bytes = g_bytes_new (input, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCsvReader) reader = chorus_csv_reader_new (bytes, &error);

  g_assert_null (reader);
  g_assert_error (error, CHORUS_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
test_not_utf8 (void)
{
  /* Latin-1 "é" on line 3. */
  static const char latin1[] = "a,b\n1,2\ncaf\xe9,3\n";
  /* A NUL byte is not text either. */
  static const char nul[] = "a,b\n1,\0002\n";

  assert_refused (latin1, sizeof latin1 - 1, CHORUS_ERROR_PARSE, "line 3");
  assert_refused (latin1, sizeof latin1 - 1, CHORUS_ERROR_PARSE, "UTF-8");
  assert_refused (nul, sizeof nul - 1, CHORUS_ERROR_PARSE, "line 2");
  /* A UTF-16 byte order mark is not UTF-8. */
  assert_refused ("\xff\xfe" "a\0,\0b\0", 8, CHORUS_ERROR_PARSE, "line 1");
}

static void
test_empty (void)
{
  assert_refused ("", 0, CHORUS_ERROR_PARSE, "header");
  assert_refused ("\xef\xbb\xbf", 3, CHORUS_ERROR_PARSE, "header");
  assert_refused ("\n\r\n\n", 4, CHORUS_ERROR_PARSE, "header");
  assert_refused ("\"a,b\n", 5, CHORUS_ERROR_PARSE, "Line 1");
}

static void
test_caps (void)
{
  gsize big = CHORUS_CSV_MAX_BYTES + 1;
  char *data = g_malloc0 (big);
  g_autoptr(GBytes) bytes = g_bytes_new_take (data, big);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) wide = g_string_new ("c0");
  g_autoptr(GString) ok = g_string_new ("c0");

  g_assert_null (chorus_csv_reader_new (bytes, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "too big"));

  for (guint i = 1; i <= CHORUS_CSV_MAX_FIELDS; i++)
    g_string_append_printf (wide, ",c%u", i);
  assert_refused (wide->str, wide->len, CHORUS_ERROR_PARSE, "Line 1");

  for (guint i = 1; i < CHORUS_CSV_MAX_FIELDS; i++)
    g_string_append_printf (ok, ",c%u", i);
  {
    g_autoptr(GBytes) ok_bytes = g_bytes_new (ok->str, ok->len);
    g_autoptr(GError) ok_error = NULL;
    g_autoptr(ChorusCsvReader) reader = chorus_csv_reader_new (ok_bytes, &ok_error);

    g_assert_no_error (ok_error);
    g_assert_cmpuint (chorus_csv_reader_get_n_columns (reader), ==, CHORUS_CSV_MAX_FIELDS);
  }
}

static char *
write_temp (ChorusTestTempDir *fixture,
            const char        *name,
            const char        *contents,
            gssize             length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_table (ChorusTestTempDir *fixture,
            gconstpointer      data)
{
  g_autofree char *path = write_temp (fixture, "people.csv", "handle;plan\r\n@ana;Pro\r\n\"@bo\";\"Free\"\r\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCsvTable) table = chorus_csv_table_new_for_file (file, NULL, &error);
  const ChorusCsvRow *row;

  g_assert_no_error (error);
  g_assert_cmpstr (chorus_csv_table_get_name (table), ==, "people.csv");
  g_assert_cmpuint (chorus_csv_table_get_n_columns (table), ==, 2);
  g_assert_cmpstr (chorus_csv_table_get_header (table)[1], ==, "plan");
  g_assert_cmpuint (chorus_csv_table_get_n_rows (table), ==, 2);
  row = chorus_csv_table_get_row (table, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->fields[0], ==, "@bo");
  g_assert_cmpstr (row->fields[1], ==, "Free");
}

static void
test_table_async (ChorusTestTempDir *fixture,
                  gconstpointer      data)
{
  g_autofree char *path = write_temp (fixture, "async.csv", "a\tb\n1\t2\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_build_filename (fixture->dir, "missing.csv", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCsvTable) table = NULL;

  chorus_csv_table_load_async (file, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  table = chorus_csv_table_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chorus_csv_table_get_n_rows (table), ==, 1);
  g_clear_object (&result);

  chorus_csv_table_load_async (missing, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_null (chorus_csv_table_load_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A table refuses a file with bad rows, naming each of the first ten. */
static void
test_table_bad_rows (void)
{
  g_autoptr(GString) input = g_string_new ("a,b\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 14; i++)
    g_string_append (input, i % 7 == 3 ? "1,2\n" : "1\n");
  bytes = g_bytes_new (input->str, input->len);

  g_assert_null (chorus_csv_table_new_from_bytes (bytes, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  /* Bad rows are lines 2-4, 6-11, 13-15: 12 of them, 10 listed. */
  g_assert_nonnull (strstr (error->message, "Line 2 "));
  g_assert_null (strstr (error->message, "Line 5 "));
  g_assert_nonnull (strstr (error->message, "Line 13 "));
  g_assert_null (strstr (error->message, "Line 14 "));
  g_assert_nonnull (strstr (error->message, "and 2 more"));
}

/* Writing: what needs quotes gets them, formula-like cells are text, and
 * what the writer writes the reader reads back. */
static void
test_write (void)
{
  static const char * const fields[] = {
    "plain", "a, b", "say \"hi\"", "two\nlines", " padded", "=SUM(A1)", "@handle", "-3", "", "Café",
  };
  static const char * const read_back[] = {
    "plain", "a, b", "say \"hi\"", "two\nlines", " padded", "'=SUM(A1)", "'@handle", "'-3", "", "Café",
  };
  g_autoptr(GString) csv = g_string_new ("a,b,c,d,e,f,g,h,i,j,n1,n2,n3\r\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ChorusCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const ChorusCsvRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      chorus_csv_append_field (csv, fields[i]);
      g_string_append_c (csv, ',');
    }
  chorus_csv_append_number (csv, 0.5);
  g_string_append_c (csv, ',');
  chorus_csv_append_number (csv, NAN);
  g_string_append_c (csv, ',');
  chorus_csv_append_number (csv, -1234567.0000004);
  g_string_append (csv, "\r\n");

  g_assert_true (g_str_has_suffix (csv->str, ",0.500000,,-1234567.000000\r\n"));
  g_assert_nonnull (strstr (csv->str, "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\"'=SUM(A1)\""));

  bytes = g_bytes_new (csv->str, csv->len);
  table = chorus_csv_table_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chorus_csv_table_get_n_rows (table), ==, 1);
  row = chorus_csv_table_get_row (table, 0);
  for (guint i = 0; i < G_N_ELEMENTS (read_back); i++)
    g_assert_cmpstr (row->fields[i], ==, read_back[i]);
  g_assert_cmpstr (row->fields[11], ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/csv/case/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/chorus/csv/not-utf8", test_not_utf8);
  g_test_add_func ("/chorus/csv/empty", test_empty);
  g_test_add_func ("/chorus/csv/caps", test_caps);
  chorus_test_add_in_temp_dir ("/chorus/csv/table", test_table);
  chorus_test_add_in_temp_dir ("/chorus/csv/table-async", test_table_async);
  g_test_add_func ("/chorus/csv/table-bad-rows", test_table_bad_rows);
  g_test_add_func ("/chorus/csv/write", test_write);

  return g_test_run ();
}
