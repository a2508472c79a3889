/* chorus-saved-view.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chorus-inbox-filter.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_SAVED_VIEW (chorus_saved_view_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSavedView, chorus_saved_view, CHORUS, SAVED_VIEW, GObject)

ChorusSavedView         *chorus_saved_view_new        (gint64                   id,
                                                       const char              *name,
                                                       const ChorusInboxFilter *filter);
gint64                   chorus_saved_view_get_id     (ChorusSavedView         *self);
const char              *chorus_saved_view_get_name   (ChorusSavedView         *self);
const ChorusInboxFilter *chorus_saved_view_get_filter (ChorusSavedView         *self);

G_END_DECLS
