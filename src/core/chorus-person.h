/* chorus-person.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-identity.h"

G_BEGIN_DECLS

/* The segments a person can belong to, as person_segments names them. */
typedef enum
{
  CHORUS_PERSON_SEGMENT_NONE       = 0,
  CHORUS_PERSON_SEGMENT_ADVOCATE   = 1 << 0,
  CHORUS_PERSON_SEGMENT_DETRACTOR  = 1 << 1,
  CHORUS_PERSON_SEGMENT_INFLUENCER = 1 << 2,
  CHORUS_PERSON_SEGMENT_EMPLOYEE   = 1 << 3,
  CHORUS_PERSON_SEGMENT_VIP        = 1 << 4,
} ChorusPersonSegments;

#define CHORUS_PERSON_N_SEGMENTS 5

#define CHORUS_TYPE_PERSON (chorus_person_get_type ())

G_DECLARE_FINAL_TYPE (ChorusPerson, chorus_person, CHORUS, PERSON, GObject)

ChorusPerson         *chorus_person_new                (gint64                id,
                                                        const char           *display_name,
                                                        const char           *notes,
                                                        ChorusPersonSegments  segments);
gint64                chorus_person_get_id             (ChorusPerson         *self);
const char           *chorus_person_get_display_name   (ChorusPerson         *self);
const char           *chorus_person_get_notes          (ChorusPerson         *self);
ChorusPersonSegments  chorus_person_get_segments       (ChorusPerson         *self);
gboolean              chorus_person_get_is_bot         (ChorusPerson         *self);
void                  chorus_person_set_is_bot         (ChorusPerson         *self,
                                                        gboolean              is_bot);
GPtrArray            *chorus_person_get_identities     (ChorusPerson         *self);
void                  chorus_person_add_identity       (ChorusPerson         *self,
                                                        ChorusIdentity       *identity);
guint                 chorus_person_get_n_fields       (ChorusPerson         *self);
const char           *chorus_person_get_field_name     (ChorusPerson         *self,
                                                        guint                 index);
const char           *chorus_person_get_field_value    (ChorusPerson         *self,
                                                        guint                 index);
void                  chorus_person_add_field          (ChorusPerson         *self,
                                                        const char           *name,
                                                        const char           *value);

const char           *chorus_person_segment_key        (ChorusPersonSegments  segment);
ChorusPersonSegments  chorus_person_segment_from_key   (const char           *key);

G_END_DECLS
