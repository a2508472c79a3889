/* chorus-csv.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files bigger than this are refused before they are read. */
#define CHORUS_CSV_MAX_BYTES (50 * 1024 * 1024)
/* Rows with more fields than this are refused. */
#define CHORUS_CSV_MAX_FIELDS 500

typedef struct _ChorusCsvReader ChorusCsvReader;

typedef enum
{
  CHORUS_CSV_END,       /* no rows left */
  CHORUS_CSV_ROW,       /* a row with as many fields as the header */
  CHORUS_CSV_BAD_ROW,   /* a row skipped; the error names its line */
} ChorusCsvStatus;

/* One row of a file and the line it starts on (the header is line 1). */
typedef struct
{
  guint  line;
  GStrv  fields;
} ChorusCsvRow;

/* A whole file in memory: its header and its rows. Immutable once made,
 * so that threads may share it. */
typedef struct _ChorusCsvTable ChorusCsvTable;

ChorusCsvReader    *chorus_csv_reader_new            (GBytes           *bytes,
                                                      GError          **error);
void                chorus_csv_reader_free           (ChorusCsvReader  *self);
const char * const *chorus_csv_reader_get_header     (ChorusCsvReader  *self);
guint               chorus_csv_reader_get_n_columns  (ChorusCsvReader  *self);
char                chorus_csv_reader_get_delimiter  (ChorusCsvReader  *self);
ChorusCsvStatus     chorus_csv_reader_next           (ChorusCsvReader  *self,
                                                      GStrv            *fields,
                                                      guint            *line,
                                                      GError          **error);

GBytes             *chorus_csv_load_bytes            (GFile            *file,
                                                      GCancellable     *cancellable,
                                                      GError          **error);

ChorusCsvTable     *chorus_csv_table_new_from_bytes  (GBytes           *bytes,
                                                      GError          **error);
ChorusCsvTable     *chorus_csv_table_new_for_file    (GFile            *file,
                                                      GCancellable     *cancellable,
                                                      GError          **error);
void                chorus_csv_table_load_async      (GFile            *file,
                                                      GCancellable     *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer          user_data);
ChorusCsvTable     *chorus_csv_table_load_finish     (GAsyncResult     *result,
                                                      GError          **error);
ChorusCsvTable     *chorus_csv_table_ref             (ChorusCsvTable   *self);
void                chorus_csv_table_unref           (ChorusCsvTable   *self);
const char         *chorus_csv_table_get_name        (ChorusCsvTable   *self);
const char * const *chorus_csv_table_get_header      (ChorusCsvTable   *self);
guint               chorus_csv_table_get_n_columns   (ChorusCsvTable   *self);
guint               chorus_csv_table_get_n_rows      (ChorusCsvTable   *self);
const ChorusCsvRow *chorus_csv_table_get_row         (ChorusCsvTable   *self,
                                                      guint             index);

void                chorus_csv_append_field          (GString          *csv,
                                                      const char       *text);
void                chorus_csv_append_number         (GString          *csv,
                                                      double            value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusCsvReader, chorus_csv_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusCsvTable, chorus_csv_table_unref)

G_END_DECLS
