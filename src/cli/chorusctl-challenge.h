/* chorusctl-challenge.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorusctl.h"

G_BEGIN_DECLS

extern const ChorusctlCommand chorusctl_challenge_command;

G_END_DECLS
