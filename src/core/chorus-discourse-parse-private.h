/* chorus-discourse-parse-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "chorus-incoming.h"

G_BEGIN_DECLS

/* What the Discourse parsers share: posts (chorus-discourse-parse.c) carry
 * polls (chorus-discourse-parse-poll.c), and both say the same thing when
 * a reply has the wrong shape. */

void                _chorus_discourse_set_shape_error   (GError     **error);
ChorusIncomingPoll *_chorus_discourse_parse_poll_object (JsonObject  *object);

G_END_DECLS
