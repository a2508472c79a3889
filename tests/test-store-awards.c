/* test-store-awards.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A challenge's winners and reward ledger in a workspace
 * (challenge-workspace.c): winners chosen with a note, taken back with a
 * reason, announced with a reply queued in the outbox once, rewards
 * added, edited and paid; each change with its audit entry and its
 * sentence, each refusal leaving the workspace as it was. Also the words
 * and numbers the results are shown with: places, amounts of money read
 * and written, the announcement's text, and the ledger's totals. */

#include <locale.h>
#include <math.h>

#include "challenge-workspace.h"
#include "chorus-error.h"
#include "chorus-outbox.h"
#include "chorus-results-format.h"
#include "chorus-store-awards.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"
#include "chorus-test-util.h"
#include "outbox-test-util.h"

typedef ChallengeFixture Fixture;

static gint64
count (Fixture    *f,
       const char *sql)
{
  return chorus_test_db_query_int (f->db, sql);
}

/* The sentence of the latest audit entry with @action. */
static char *
describe_latest (Fixture    *f,
                 const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT detail FROM audit_log WHERE action = '%s'"
                                          " ORDER BY id DESC LIMIT 1", action);
  g_autofree char *detail = chorus_test_db_query_text (f->db, sql);

  g_assert_nonnull (detail);
  return chorus_test_describe (action, detail, "Jo");
}

static ChorusAwards *
load (Fixture *f,
      gint64   challenge_id)
{
  g_autoptr(GError) error = NULL;
  ChorusAwards *awards = chorus_store_load_awards (f->store, challenge_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (awards);
  return awards;
}

static void
test_places (void)
{
  static const char * const expected[] = { "1st", "2nd", "3rd", "4th", "10th" };
  static const guint places[] = { 1, 2, 3, 4, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *text = chorus_format_place (places[i]);

      g_assert_cmpstr (text, ==, expected[i]);
    }
  g_assert_cmpstr (chorus_format_reward_kind ("royalty"), ==, "Royalty");
  g_assert_cmpstr (chorus_format_reward_kind ("prize"), ==, "Prize");
}

static void
test_money (void)
{
  static const struct
  {
    const char *text;
    gint64      cents;   /* -1: refused */
  } cases[] = {
    { "300", 30000 }, { "1,250.50", 125050 }, { "1.250,5", 125050 }, { "1 250,50", 125050 },
    { "0,99", 99 }, { "1,234", 123400 }, { " 42.1 ", 4210 }, { "1.234.567,89", 123456789 },
    { "", -1 }, { "abc", -1 }, { "-5", -1 }, { "12.", -1 }, { "1,2,3", -1 }, { ".5", -1 },
    { "12345,678", -1 }, { "999999999999", -1 }, { "€300", -1 },
  };
  g_autofree char *amount = chorus_format_amount (123450);
  g_autofree char *money = chorus_format_money (5, "USD");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;
      gboolean parsed = chorus_parse_money (cases[i].text, &cents, &error);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (parsed, ==, cases[i].cents >= 0);
      if (parsed)
        g_assert_cmpint (cents, ==, cases[i].cents);
      else
        g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
    }

  /* The C locale groups no digits. */
  g_assert_cmpstr (amount, ==, "1234.50");
  g_assert_cmpstr (money, ==, "0.05 USD");
}

static void
test_announcement_text (void)
{
  g_autofree char *first = chorus_format_announcement (1, "@ana@social.example", "Pine Ridge", "SummitTee");
  g_autofree char *fifth = chorus_format_announcement (5, "@ben", "Trail", "MugArt");

  g_assert_cmpstr (first, ==, "Congratulations @ana@social.example, your design “Pine Ridge” won 1st place in #SummitTee!");
  g_assert_cmpstr (fifth, ==, "Congratulations @ben, your design “Trail” won place 5 in #MugArt!");
}

static void
test_totals (void)
{
  g_autoptr(ChorusAwards) awards = chorus_awards_new (1);
  ChorusReward reward = { .id = 1, .kind = (char *) "prize", .description = (char *) "Cash",
                          .title = (char *) "Pine Ridge", .currency = (char *) "EUR" };
  const ChorusRewardTotal *eur, *usd;

  reward.amount_cents = 10000;
  chorus_awards_add_reward (awards, &reward);
  reward.id = 2;
  reward.amount_cents = 20000;
  reward.paid = TRUE;
  reward.paid_at = 100;
  chorus_awards_add_reward (awards, &reward);
  reward.id = 3;
  reward.amount_cents = 5050;
  reward.paid = FALSE;
  reward.currency = (char *) "USD";
  chorus_awards_add_reward (awards, &reward);

  g_assert_cmpuint (chorus_awards_get_n_rewards (awards), ==, 3);
  g_assert_cmpuint (chorus_awards_get_n_totals (awards), ==, 2);
  eur = chorus_awards_get_total (awards, 0);
  usd = chorus_awards_get_total (awards, 1);
  g_assert_cmpstr (eur->currency, ==, "EUR");
  g_assert_cmpint (eur->pending_cents, ==, 10000);
  g_assert_cmpint (eur->paid_cents, ==, 20000);
  g_assert_cmpuint (eur->n_pending, ==, 1);
  g_assert_cmpuint (eur->n_paid, ==, 1);
  g_assert_cmpstr (usd->currency, ==, "USD");
  g_assert_cmpint (usd->pending_cents, ==, 5050);
  g_assert_cmpint (usd->paid_cents, ==, 0);
  g_assert_cmpint (chorus_awards_find_reward (awards, 2)->amount_cents, ==, 20000);
  g_assert_null (chorus_awards_find_reward (awards, 9));
  g_assert_cmpuint (chorus_awards_next_free_place (awards), ==, 1);
}

/* A refused change writes nothing: no winner, no audit entry. */
static void
assert_choose_refused (Fixture    *f,
                       gint64      challenge_id,
                       gint64      submission_id,
                       guint       place,
                       const char *note,
                       int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 winners = count (f, "SELECT count (*) FROM winners");
  gint64 entries = count (f, "SELECT count (*) FROM audit_log");

  g_assert_cmpint (chorus_store_choose_winner (f->store, challenge_id, submission_id, place, note, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpint (count (f, "SELECT count (*) FROM winners"), ==, winners);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log"), ==, entries);
}

static void
test_choose_and_remove (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusAwards) awards = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *removed = NULL;
  const ChorusWinner *winner;
  gint64 audit_id;

  audit_id = chorus_store_choose_winner (f->store, SUMMIT_TEE, 1, 1, "  Best print, clear jury favourite ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_id, >, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM winners WHERE challenge_id = 1 AND place = 1"
                             " AND submission_id = 1 AND chosen_by = 1 AND chosen_at > 0"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'winner-choose'"
                             " AND subject_type = 'challenge' AND subject_id = 1 AND actor_id = 1"), ==, 1);
  sentence = describe_latest (f, "winner-choose");
  g_assert_cmpstr (sentence, ==, "Jo gave place 1 to “Pine Ridge”: Best print, clear jury favourite");

  awards = load (f, SUMMIT_TEE);
  g_assert_cmpuint (chorus_awards_get_n_winners (awards), ==, 1);
  winner = chorus_awards_get_winner (awards, 0);
  g_assert_cmpuint (winner->place, ==, 1);
  g_assert_cmpint (winner->submission_id, ==, 1);
  g_assert_cmpstr (winner->title, ==, "Pine Ridge");
  g_assert_cmpstr (winner->author, ==, "@dee@social.example");
  g_assert_cmpstr (winner->chosen_by, ==, "Jo");
  g_assert_cmpstr (winner->note, ==, "Best print, clear jury favourite");
  g_assert_cmpint (winner->origin_post_id, ==, 0);
  g_assert_cmpuint (winner->reply_limit, ==, 0);
  g_assert_cmpstr (winner->cannot_announce, ==, "This entry was added by hand, so there is no post to reply to.");
  g_assert_true (chorus_awards_find_winner (awards, 1) == winner);
  g_assert_false (chorus_awards_place_is_free (awards, 1));
  g_assert_cmpuint (chorus_awards_next_free_place (awards), ==, 2);

  /* What cannot be. */
  assert_choose_refused (f, SUMMIT_TEE, 2, 1, "Also good", CHORUS_ERROR_INVALID_ARGUMENT);   /* place taken */
  assert_choose_refused (f, SUMMIT_TEE, 1, 2, "Twice", CHORUS_ERROR_INVALID_ARGUMENT);       /* a winner already */
  assert_choose_refused (f, SUMMIT_TEE, 2, 2, "   ", CHORUS_ERROR_INVALID_ARGUMENT);         /* no note */
  assert_choose_refused (f, SUMMIT_TEE, 2, 0, "Zero", CHORUS_ERROR_INVALID_ARGUMENT);
  assert_choose_refused (f, SUMMIT_TEE, 2, CHORUS_WINNER_MAX_PLACE + 1, "Far", CHORUS_ERROR_INVALID_ARGUMENT);
  assert_choose_refused (f, SUMMIT_TEE, 3, 2, "Rejected", CHORUS_ERROR_INVALID_ARGUMENT);
  assert_choose_refused (f, SUMMIT_TEE, 4, 2, "Pending", CHORUS_ERROR_INVALID_ARGUMENT);
  assert_choose_refused (f, SUMMIT_TEE, 5, 2, "Other challenge", CHORUS_ERROR_NOT_FOUND);

  /* Taken back only with a reason, and only where someone is. */
  g_assert_cmpint (chorus_store_remove_winner (f->store, SUMMIT_TEE, 1, "", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_remove_winner (f->store, SUMMIT_TEE, 2, "Nobody", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_remove_winner (f->store, SUMMIT_TEE, 1, "The author is an employee", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM winners"), ==, 0);
  removed = describe_latest (f, "winner-remove");
  g_assert_cmpstr (removed, ==, "Jo took place 1 back from “Pine Ridge”: The author is an employee");

  /* The place is free again. */
  g_assert_cmpint (chorus_store_choose_winner (f->store, SUMMIT_TEE, 2, 1, "Next in line", &error), >, 0);
  g_assert_no_error (error);
}

/* Entry 2 came from a post that a Mastodon account of the brand read. */
static gint64
give_origin_post (Fixture *f)
{
  gint64 source = outbox_test_add_account (f->store, "mastodon", "https://social.example", "brand",
                                           "CHORUS_TEST_AWARDS_TOKEN");
  gint64 post = outbox_test_store_post (f->store, source, "mastodon",
                                        "https://social.example/users/eve/statuses/1001", "1001", NULL);

  chorus_test_db_exec (f->db, "UPDATE submissions SET origin_post_id = %" G_GINT64_FORMAT " WHERE id = 2", post);
  return post;
}

static void
test_announce (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusAwards) awards = NULL;
  g_autoptr(ChorusAwards) after = NULL;
  g_autoptr(ChorusAwards) sample = NULL;
  g_autofree char *text = NULL;
  g_autofree char *too_long = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *sql = NULL;
  const ChorusWinner *winner;
  gint64 post = give_origin_post (f);
  gint64 outbox_id;

  g_assert_cmpint (chorus_store_choose_winner (f->store, SUMMIT_TEE, 1, 1, "Hand-made winner", &error), >, 0);
  g_assert_cmpint (chorus_store_choose_winner (f->store, SUMMIT_TEE, 2, 2, "Runner-up", &error), >, 0);
  g_assert_no_error (error);

  awards = load (f, SUMMIT_TEE);
  winner = chorus_awards_find_winner (awards, 2);
  g_assert_cmpint (winner->origin_post_id, ==, post);
  g_assert_cmpstr (winner->network, ==, "mastodon");
  g_assert_null (winner->cannot_announce);
  g_assert_cmpuint (winner->reply_limit, ==, CHORUS_OUTBOX_MASTODON_DEFAULT_LIMIT);
  g_assert_cmpint (winner->announcement_id, ==, 0);

  /* The outbox's limit holds, and nothing is queued when it is passed. */
  too_long = g_strnfill (CHORUS_OUTBOX_MASTODON_DEFAULT_LIMIT + 1, 'a');
  g_assert_cmpint (chorus_store_announce_winner (f->store, SUMMIT_TEE, 2, too_long, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM outbox"), ==, 0);

  text = chorus_format_announcement (2, winner->author, winner->title, "SummitTee");
  outbox_id = chorus_store_announce_winner (f->store, SUMMIT_TEE, 2, text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outbox_id, >, 0);
  sql = g_strdup_printf ("SELECT count (*) FROM outbox WHERE id = %" G_GINT64_FORMAT " AND kind = 'reply'"
                         " AND state = 'queued' AND target_post_id = %" G_GINT64_FORMAT
                         " AND body = 'Congratulations @eve.bsky.social, your design “Night Trail, \"Redux\"”"
                         " won 2nd place in #SummitTee!' AND length (idempotency_key) > 0", outbox_id, post);
  g_assert_cmpint (count (f, sql), ==, 1);
  sentence = describe_latest (f, "winner-announce");
  g_assert_cmpstr (sentence, ==, "Jo announced that “Night Trail, \"Redux\"” won place 2");
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'outbox-queue'"), ==, 1);

  after = load (f, SUMMIT_TEE);
  winner = chorus_awards_find_winner (after, 2);
  g_assert_cmpint (winner->announcement_id, ==, outbox_id);
  g_assert_cmpstr (winner->announcement_state, ==, "queued");

  /* Once only; an entry added by hand has no post to answer. */
  g_assert_cmpint (chorus_store_announce_winner (f->store, SUMMIT_TEE, 2, text, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_announce_winner (f->store, SUMMIT_TEE, 1, text, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM outbox"), ==, 1);

  /* A cancelled announcement can be written again. */
  chorus_test_db_exec (f->db, "UPDATE outbox SET state = 'cancelled'");
  g_assert_cmpint (chorus_store_announce_winner (f->store, SUMMIT_TEE, 2, text, &error), >, outbox_id);
  g_assert_no_error (error);

  /* A sample source sends nothing, and the winner says why. */
  chorus_test_db_exec (f->db, "UPDATE sources SET is_sample = 1");
  sample = load (f, SUMMIT_TEE);
  g_assert_nonnull (chorus_awards_find_winner (sample, 2)->cannot_announce);
}

static void
assert_reward_refused (Fixture                 *f,
                       gint64                   challenge_id,
                       const ChorusRewardDraft *draft,
                       int                      code)
{
  g_autoptr(GError) error = NULL;
  gint64 rewards = count (f, "SELECT count (*) FROM rewards");
  gint64 entries = count (f, "SELECT count (*) FROM audit_log");

  g_assert_cmpint (chorus_store_save_reward (f->store, challenge_id, 0, draft, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, code);
  g_assert_cmpint (count (f, "SELECT count (*) FROM rewards"), ==, rewards);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log"), ==, entries);
}

static void
test_rewards (Fixture       *f,
              gconstpointer  data)
{
  ChorusRewardDraft draft = { 1, "prize", " €300 and a year of gear ", 30000, "eur" };
  ChorusRewardDraft bad;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusAwards) awards = NULL;
  g_autofree char *added = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *paid = NULL;
  const ChorusReward *reward;
  gint64 id, royalty;

  id = chorus_store_save_reward (f->store, SUMMIT_TEE, 0, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM rewards WHERE challenge_id = 1 AND submission_id = 1"
                             " AND kind = 'prize' AND description = '€300 and a year of gear'"
                             " AND amount_cents = 30000 AND currency = 'EUR' AND state = 'pending'"
                             " AND paid_at IS NULL"), ==, 1);
  added = describe_latest (f, "reward-add");
  g_assert_cmpstr (added, ==, "Jo added the reward “€300 and a year of gear” (300.00 EUR) for “Pine Ridge”");

  draft.kind = "royalty";
  draft.description = "5% of sales";
  draft.amount_cents = 0;
  draft.submission_id = 2;
  royalty = chorus_store_save_reward (f->store, SUMMIT_TEE, 0, &draft, &error);
  g_assert_no_error (error);

  /* Edited while pending. */
  draft.amount_cents = 1250;
  draft.currency = "USD";
  g_assert_cmpint (chorus_store_save_reward (f->store, SUMMIT_TEE, royalty, &draft, &error), ==, royalty);
  g_assert_no_error (error);
  edited = describe_latest (f, "reward-edit");
  g_assert_cmpstr (edited, ==, "Jo changed the reward for “Night Trail, \"Redux\"” to “5% of sales” (12.50 USD)");

  /* Paid once; then its line stays. */
  g_assert_cmpint (chorus_store_mark_reward_paid (f->store, id, 1700000000, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT paid_at FROM rewards WHERE state = 'paid'"), ==, 1700000000);
  paid = describe_latest (f, "reward-paid");
  g_assert_cmpstr (paid, ==, "Jo marked the reward “€300 and a year of gear” (300.00 EUR) for “Pine Ridge” as paid");
  g_assert_cmpint (chorus_store_mark_reward_paid (f->store, id, 0, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_save_reward (f->store, SUMMIT_TEE, id, &draft, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_save_reward (f->store, MUG_ART, royalty, &draft, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_mark_reward_paid (f->store, 99, 0, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* What a reward cannot be. */
  bad = draft;
  bad.kind = "bonus";
  assert_reward_refused (f, SUMMIT_TEE, &bad, CHORUS_ERROR_INVALID_ARGUMENT);
  bad = draft;
  bad.description = "  ";
  assert_reward_refused (f, SUMMIT_TEE, &bad, CHORUS_ERROR_INVALID_ARGUMENT);
  bad = draft;
  bad.amount_cents = -1;
  assert_reward_refused (f, SUMMIT_TEE, &bad, CHORUS_ERROR_INVALID_ARGUMENT);
  bad = draft;
  bad.currency = "EU";
  assert_reward_refused (f, SUMMIT_TEE, &bad, CHORUS_ERROR_INVALID_ARGUMENT);
  bad = draft;
  bad.submission_id = 3;      /* rejected */
  assert_reward_refused (f, SUMMIT_TEE, &bad, CHORUS_ERROR_NOT_FOUND);
  bad = draft;
  bad.submission_id = 5;      /* another challenge's */
  assert_reward_refused (f, SUMMIT_TEE, &bad, CHORUS_ERROR_NOT_FOUND);

  /* The ledger as the Results view reads it. */
  awards = load (f, SUMMIT_TEE);
  g_assert_cmpuint (chorus_awards_get_n_rewards (awards), ==, 2);
  reward = chorus_awards_find_reward (awards, id);
  g_assert_true (reward->paid);
  g_assert_cmpint (reward->paid_at, ==, 1700000000);
  g_assert_cmpstr (reward->title, ==, "Pine Ridge");
  reward = chorus_awards_find_reward (awards, royalty);
  g_assert_false (reward->paid);
  g_assert_cmpstr (reward->kind, ==, "royalty");
  g_assert_cmpuint (chorus_awards_get_n_totals (awards), ==, 2);
  g_assert_cmpint (chorus_awards_get_total (awards, 0)->paid_cents, ==, 30000);
  g_assert_cmpint (chorus_awards_get_total (awards, 1)->pending_cents, ==, 1250);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  ChorusRewardDraft draft = { 2, "prize", "Gift card", 5000, "EUR" };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 reward;

  chorus_store_choose_winner_async (f->store, SUMMIT_TEE, 2, 3, "Async", NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_cmpint (chorus_store_winner_change_finish (f->store, result, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Refused before it runs. */
  chorus_store_remove_winner_async (f->store, SUMMIT_TEE, 3, " ", NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_cmpint (chorus_store_winner_change_finish (f->store, result, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&result);

  chorus_store_save_reward_async (f->store, SUMMIT_TEE, 0, &draft, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  reward = chorus_store_reward_change_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  chorus_store_mark_reward_paid_async (f->store, reward, 0, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_cmpint (chorus_store_reward_change_finish (f->store, result, &error), ==, reward);
  g_assert_no_error (error);
  g_clear_object (&result);

  chorus_store_load_awards_async (f->store, SUMMIT_TEE, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  {
    g_autoptr(ChorusAwards) awards = chorus_store_load_awards_finish (f->store, result, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (chorus_awards_get_n_winners (awards), ==, 1);
    g_assert_true (chorus_awards_get_reward (awards, 0)->paid);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/awards/format/places", test_places);
  g_test_add_func ("/awards/format/money", test_money);
  g_test_add_func ("/awards/format/announcement", test_announcement_text);
  g_test_add_func ("/awards/totals", test_totals);
  g_test_add ("/awards/store/choose-and-remove", Fixture, NULL, challenge_fixture_set_up, test_choose_and_remove,
              challenge_fixture_tear_down);
  g_test_add ("/awards/store/announce", Fixture, NULL, challenge_fixture_set_up, test_announce,
              challenge_fixture_tear_down);
  g_test_add ("/awards/store/rewards", Fixture, NULL, challenge_fixture_set_up, test_rewards,
              challenge_fixture_tear_down);
  g_test_add ("/awards/store/async", Fixture, NULL, challenge_fixture_set_up, test_async, challenge_fixture_tear_down);

  return g_test_run ();
}
