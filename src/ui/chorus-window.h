/* chorus-window.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-application.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_WINDOW (chorus_window_get_type ())

G_DECLARE_FINAL_TYPE (ChorusWindow, chorus_window, CHORUS, WINDOW, AdwApplicationWindow)

typedef enum
{
  CHORUS_WINDOW_OPEN_DEFAULT = 0,
  /* Create the file if it does not exist. */
  CHORUS_WINDOW_OPEN_CREATE  = 1 << 0,
  /* Report a failure with a toast instead of a dialog (used at startup). */
  CHORUS_WINDOW_OPEN_QUIETLY = 1 << 1,
} ChorusWindowOpenFlags;

ChorusWindow *chorus_window_new              (ChorusApplication     *application);
ChorusStore  *chorus_window_get_store        (ChorusWindow          *self);
void          chorus_window_open_workspace   (ChorusWindow          *self,
                                              GFile                 *file,
                                              ChorusWindowOpenFlags  flags);
const char   *chorus_window_get_visible_pane (ChorusWindow          *self);
void          chorus_window_set_visible_pane (ChorusWindow          *self,
                                              const char            *name);

G_END_DECLS
