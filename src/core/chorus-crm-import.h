/* chorus-crm-import.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a CRM import does with each column of the file. */
typedef enum
{
  CHORUS_CRM_COLUMN_IGNORE,
  CHORUS_CRM_COLUMN_MATCH,   /* the handle or profile URL that finds the person */
  CHORUS_CRM_COLUMN_FIELD,   /* a person field */
} ChorusCrmColumnRole;

typedef struct _ChorusCrmMapping ChorusCrmMapping;

ChorusCrmMapping   *chorus_crm_mapping_new              (const char * const     *header);
ChorusCrmMapping   *chorus_crm_mapping_guess            (const char * const     *header);
ChorusCrmMapping   *chorus_crm_mapping_copy             (const ChorusCrmMapping *self);
void                chorus_crm_mapping_free             (ChorusCrmMapping       *self);
guint               chorus_crm_mapping_get_n_columns    (const ChorusCrmMapping *self);
const char         *chorus_crm_mapping_get_header       (const ChorusCrmMapping *self,
                                                         guint                   column);
void                chorus_crm_mapping_set              (ChorusCrmMapping       *self,
                                                         guint                   column,
                                                         ChorusCrmColumnRole     role,
                                                         const char             *field);
ChorusCrmColumnRole chorus_crm_mapping_get_role         (const ChorusCrmMapping *self,
                                                         guint                   column);
const char         *chorus_crm_mapping_get_field        (const ChorusCrmMapping *self,
                                                         guint                   column);
int                 chorus_crm_mapping_get_match_column (const ChorusCrmMapping *self);
int                 chorus_crm_mapping_find_column      (const ChorusCrmMapping *self,
                                                         const char             *name);
gboolean            chorus_crm_mapping_check            (const ChorusCrmMapping *self,
                                                         GError                **error);
char               *chorus_crm_mapping_to_json          (const ChorusCrmMapping *self);

/* What a cell of the match column says about whose it is. */
typedef enum
{
  CHORUS_CRM_KEY_NONE,      /* empty */
  CHORUS_CRM_KEY_HANDLE,    /* @ana, ana, ana.bsky.social: any network, any server */
  CHORUS_CRM_KEY_ACCOUNT,   /* @ana@mastodon.social: a handle on a server */
  CHORUS_CRM_KEY_URL,       /* a profile's web address */
} ChorusCrmKeyKind;

typedef struct
{
  ChorusCrmKeyKind  kind;
  char             *handle;   /* for a URL: the handle its path names, or NULL */
  char             *server;   /* for an account, or a URL naming a Mastodon or Discourse account */
  char             *url;      /* for a URL: in the form chorus_crm_normalize_url() gives */
} ChorusCrmKey;

void                chorus_crm_key_parse                (ChorusCrmKey           *key,
                                                         const char             *cell);
void                chorus_crm_key_clear                (ChorusCrmKey           *key);
char               *chorus_crm_normalize_url            (const char             *url);

/* Whom a row of the file matched. */
typedef enum
{
  CHORUS_CRM_MATCH_NONE,
  CHORUS_CRM_MATCH_ONE,
  CHORUS_CRM_MATCH_AMBIGUOUS,
} ChorusCrmMatch;

typedef struct
{
  guint           index;        /* the row of the table */
  guint           line;         /* where it starts in the file */
  ChorusCrmMatch  match;
  gint64          person_id;    /* for one match */
  char           *person_name;  /* for one match */
  guint           n_people;     /* how many people it matched */
} ChorusCrmPreviewRow;

typedef struct
{
  guint  n_rows;
  guint  n_matched;
  guint  n_unmatched;
  guint  n_ambiguous;
  guint  n_values;      /* after an import: the field values written */
} ChorusCrmTotals;

typedef struct
{
  GPtrArray       *rows;    /* ChorusCrmPreviewRow, the first rows of the file */
  ChorusCrmTotals  totals;  /* over the whole file */
} ChorusCrmPreview;

ChorusCrmPreview   *chorus_crm_preview_new              (void);
void                chorus_crm_preview_free             (ChorusCrmPreview       *self);
char               *chorus_crm_totals_dup_text          (const ChorusCrmTotals  *totals);
char               *chorus_crm_preview_row_dup_match    (const ChorusCrmPreviewRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusCrmMapping, chorus_crm_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusCrmPreview, chorus_crm_preview_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChorusCrmKey, chorus_crm_key_clear)

G_END_DECLS
