/* fuzz-util.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* What each target defines: libFuzzer calls it with every input it tries,
 * fuzz-main.c with every file it is given. It returns 0. */
int   LLVMFuzzerTestOneInput    (const uint8_t *data,
                                 size_t         size);

void  fuzz_init                 (void);
char *fuzz_dup_string           (const uint8_t *data,
                                 size_t         size);
char *fuzz_dup_utf8             (const uint8_t *data,
                                 size_t         size);
void  fuzz_check_markup         (const char    *markup);
void  fuzz_check_posts          (GPtrArray     *posts);
void  fuzz_check_and_free_posts (GPtrArray     *posts);

G_END_DECLS
