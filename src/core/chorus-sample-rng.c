/* chorus-sample-rng.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-sample-private.h"

/* The sample must come out the same on every machine and every run, so it
 * never uses g_random or the clock: xoshiro256** (Blackman and Vigna),
 * seeded through splitmix64 as its authors recommend. */

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/* A well-mixed 64-bit value for a pair, to seed per-item streams. */
guint64
_chorus_sample_mix (guint64 a,
                    guint64 b)
{
  guint64 state = a ^ rotl (b, 32) ^ G_GUINT64_CONSTANT (0xD1B54A32D192ED03);

  splitmix64 (&state);
  state ^= b;
  return splitmix64 (&state);
}

void
_chorus_sample_rng_init (ChorusSampleRng *rng,
                         guint64          seed,
                         guint64          stream)
{
  guint64 state = _chorus_sample_mix (seed, stream);

  for (guint i = 0; i < G_N_ELEMENTS (rng->s); i++)
    rng->s[i] = splitmix64 (&state);
}

guint64
_chorus_sample_rng_next (ChorusSampleRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* Uniform in [0, bound), by Lemire's multiply-and-shift; the bias is far
 * below anything a sample could show. */
guint
_chorus_sample_rng_below (ChorusSampleRng *rng,
                          guint            bound)
{
  if (bound == 0)
    return 0;

  return (guint) (((_chorus_sample_rng_next (rng) >> 32) * (guint64) bound) >> 32);
}

/* Uniform in [low, high]. */
int
_chorus_sample_rng_between (ChorusSampleRng *rng,
                            int              low,
                            int              high)
{
  if (high <= low)
    return low;

  return low + (int) _chorus_sample_rng_below (rng, (guint) (high - low + 1));
}

/* Uniform in [0, 1). */
double
_chorus_sample_rng_double (ChorusSampleRng *rng)
{
  return (double) (_chorus_sample_rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

gboolean
_chorus_sample_rng_chance (ChorusSampleRng *rng,
                           double           probability)
{
  return _chorus_sample_rng_double (rng) < probability;
}

/* An index in [0, n_weights), each with a chance proportional to its weight. */
guint
_chorus_sample_rng_weighted (ChorusSampleRng *rng,
                             const guint     *weights,
                             guint            n_weights)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < n_weights; i++)
    total += weights[i];

  pick = _chorus_sample_rng_below (rng, total);

  for (guint i = 0; i < n_weights; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }

  return n_weights - 1;
}
