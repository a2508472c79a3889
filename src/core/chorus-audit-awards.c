/* chorus-audit-awards.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-audit-awards-private.h"
#include "chorus-parse-json-private.h"
#include "chorus-results-format.h"

/* The audit log's sentences for a challenge's winners and reward ledger
 * (chorus-store-winners.c and chorus-store-rewards.c write the details),
 * for chorus-store-audit.c. */

static const char *
member (JsonObject *detail,
        const char *name)
{
  const char *value = _chorus_json_get_string (detail, name);

  return value != NULL ? value : "";
}

static char *
describe_winner (const char *actor,
                 const char *action,
                 JsonObject *detail)
{
  guint place = (guint) _chorus_json_get_int (detail, "place", 0);
  const char *title = member (detail, "title");

  if (g_str_equal (action, "winner-choose"))
    /* Translators: an audit log entry. The first %s is a team member's name, %u a place among a design
     * challenge's winners (1 for the first), the second %s an entry's title, the last why it won. */
    return g_strdup_printf (_("%s gave place %u to “%s”: %s"), actor, place, title, member (detail, "note"));
  if (g_str_equal (action, "winner-remove"))
    /* Translators: an audit log entry. The first %s is a team member's name, %u a place among a design
     * challenge's winners, the second %s an entry's title, the last why the place was taken back. */
    return g_strdup_printf (_("%s took place %u back from “%s”: %s"), actor, place, title, member (detail, "reason"));
  /* Translators: an audit log entry. The first %s is a team member's name, the second a design entry's
   * title, %u the place it won. */
  return g_strdup_printf (_("%s announced that “%s” won place %u"), actor, title, place);
}

static char *
describe_reward (const char *actor,
                 const char *action,
                 JsonObject *detail)
{
  g_autofree char *money = chorus_format_money (_chorus_json_get_int (detail, "amount_cents", 0),
                                                member (detail, "currency"));
  const char *description = member (detail, "description");
  const char *title = member (detail, "title");

  if (g_str_equal (action, "reward-add"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a reward's
     * description, the third an amount such as "300.00 EUR", the last a design entry's title. */
    return g_strdup_printf (_("%s added the reward “%s” (%s) for “%s”"), actor, description, money, title);
  if (g_str_equal (action, "reward-edit"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a reward's
     * description, the third an amount such as "300.00 EUR", the last a design entry's title. */
    return g_strdup_printf (_("%s changed the reward for “%s” to “%s” (%s)"), actor, title, description, money);
  /* Translators: an audit log entry. The first %s is a team member's name, the second a reward's
   * description, the third an amount such as "300.00 EUR", the last a design entry's title. */
  return g_strdup_printf (_("%s marked the reward “%s” (%s) for “%s” as paid"), actor, description, money, title);
}

/* Returns: (transfer full) (nullable): the sentence, or %NULL when
 * @action is not about winners or rewards */
char *
_chorus_audit_describe_awards (const char *actor,
                               const char *action,
                               JsonObject *detail)
{
  if (g_str_has_prefix (action != NULL ? action : "", "winner-"))
    return describe_winner (actor, action, detail);
  if (g_str_has_prefix (action != NULL ? action : "", "reward-"))
    return describe_reward (actor, action, detail);
  return NULL;
}
