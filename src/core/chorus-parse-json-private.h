/* chorus-parse-json-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the network parsers share: JSON access that never assumes a type,
 * and the checks every value from a remote server goes through. Getters
 * accept a NULL object, so lookups chain without tests. */

#define CHORUS_PARSE_MAX_DEPTH  1000
#define CHORUS_PARSE_MAX_TEXT   (64 * 1024)
#define CHORUS_PARSE_MAX_URL    (16 * 1024)

/* What _chorus_json_scan_shape() finds in a text before json-glib reads it */
typedef enum
{
  CHORUS_JSON_SHAPE_OK,
  CHORUS_JSON_SHAPE_TOO_DEEP,          /* nested deeper than CHORUS_PARSE_MAX_DEPTH */
  CHORUS_JSON_SHAPE_SEVERAL_VALUES,    /* "[][]", "5{…}": json-glib leaks all but the last */
  CHORUS_JSON_SHAPE_BROKEN_ESCAPE,     /* "\u12", "\s", a lone "\ud83d" where not mended */
} ChorusJsonShape;

ChorusJsonShape _chorus_json_scan_shape (const char  *data,
                                         gsize        size,
                                         char       **mended);

JsonNode   *_chorus_json_load           (const char  *data,
                                         gssize       length,
                                         GError     **error);
JsonObject *_chorus_json_object         (JsonNode    *node);
const char *_chorus_json_string         (JsonNode    *node);
JsonNode   *_chorus_json_get_member     (JsonObject  *object,
                                         const char  *name);
JsonObject *_chorus_json_get_object     (JsonObject  *object,
                                         const char  *name);
JsonArray  *_chorus_json_get_array      (JsonObject  *object,
                                         const char  *name);
const char *_chorus_json_get_string     (JsonObject  *object,
                                         const char  *name);
gboolean    _chorus_json_get_bool       (JsonObject  *object,
                                         const char  *name);
gint64      _chorus_json_get_int        (JsonObject  *object,
                                         const char  *name,
                                         gint64       fallback);
gint64      _chorus_json_get_count      (JsonObject  *object,
                                         const char  *name);
char       *_chorus_json_dup_id         (JsonObject  *object,
                                         const char  *name);
JsonObject *_chorus_json_array_object   (JsonArray   *array,
                                         guint        index);
guint       _chorus_json_array_length   (JsonArray   *array);
gboolean    _chorus_parse_is_identifier (const char  *text,
                                         const char  *extra_chars,
                                         gsize        max);
gboolean    _chorus_parse_is_did        (const char  *text);
char       *_chorus_parse_dup_text      (const char  *text,
                                         gsize        max);
char       *_chorus_parse_dup_clean     (const char  *text,
                                         gsize        max);
char       *_chorus_parse_dup_nonempty  (const char  *text);
char       *_chorus_parse_dup_url       (const char  *url);
char       *_chorus_parse_dup_host      (const char  *url);
char       *_chorus_parse_resolve_uri   (const char  *base,
                                         const char  *ref);
char       *_chorus_parse_dup_language  (const char  *tag);
char       *_chorus_parse_dup_secret    (const char  *value);
void        _chorus_parse_wipe_free     (char        *secret);
gint64      _chorus_parse_time          (const char  *text);
int         _chorus_parse_size          (gint64       value);

G_END_DECLS
