/* chorus-application.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_APPLICATION (chorus_application_get_type ())

G_DECLARE_FINAL_TYPE (ChorusApplication, chorus_application, CHORUS, APPLICATION, AdwApplication)

ChorusApplication *chorus_application_new          (void);
GSettings         *chorus_application_get_settings (ChorusApplication *self);
char              *chorus_application_dup_data_dir (void);

G_END_DECLS
