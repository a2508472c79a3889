/* chorus-person-panel-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-identity.h"
#include "chorus-store-people.h"

G_BEGIN_DECLS

GtkWidget *_chorus_person_panel_make_identity_row (GtkWidget                *panel,
                                                   ChorusIdentity           *identity);
GtkWidget *_chorus_person_panel_make_field_row    (const char               *name,
                                                   const char               *value);
GtkWidget *_chorus_person_panel_make_history_row  (ChorusPersonConversation *conversation);

G_END_DECLS
