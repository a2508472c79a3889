/* chorus-account-dialog-connect.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chorus-account-check.h"
#include "chorus-account-dialog-private.h"
#include "chorus-secrets.h"

/* Testing the connection, the second half of the account dialog: a feed is
 * read once, a Bluesky or Discourse secret is tried, and a Mastodon
 * account signs in through the browser (or a pasted code). A working
 * account's secret goes to the keyring before the source is kept, so that
 * its first sync can use it. */

static void
wipe_secret (ChorusAccountDialog *self)
{
  if (self->secret != NULL)
    explicit_bzero (self->secret, strlen (self->secret));
  g_clear_pointer (&self->secret, g_free);
}

/* Stops the test under way, if any; what was typed stays. */
void
_chorus_account_dialog_stop (ChorusAccountDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->sign_in != NULL)
    g_signal_handlers_disconnect_by_data (self->sign_in, self);
  g_clear_object (&self->sign_in);
  g_clear_pointer (&self->checked_account, g_free);
  wipe_secret (self);
}

/* Keeping the secret */

static void
on_secret_kept_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChorusAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!chorus_secrets_store_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _chorus_account_dialog_fail (self, error);
      return;
    }

  wipe_secret (self);
  _chorus_account_dialog_save (self, self->checked_account, NULL);
}

static void
keep_secret (ChorusAccountDialog *self,
             char                *account)
{
  const char *previous = self->source != NULL ? chorus_source_get_account (self->source) : NULL;

  g_free (self->checked_account);
  self->checked_account = account;

  /* Signing in again as someone else would quietly change the source. */
  if (previous != NULL && g_ascii_strcasecmp (previous, account) != 0)
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: both %s are accounts, such as "brand@mastodon.social". */
                   _("You signed in as @%s, but this source is @%s. Sign in as @%s, or add @%s as a new "
                     "account."),
                   account, previous, previous, account);
      _chorus_account_dialog_fail (self, error);
      return;
    }

  chorus_secrets_store_async (self->network, self->server_url, account,
                              chorus_account_get_secret_kind (self->network), self->secret,
                              self->cancellable, on_secret_kept_cb, g_object_ref (self));
}

/* Feeds, Bluesky and Discourse */

static void
on_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChorusAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *name;

  if (!(name = chorus_account_check_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _chorus_account_dialog_fail (self, error);
      return;
    }

  if (g_strcmp0 (self->network, "feed") == 0)
    {
      _chorus_account_dialog_save (self, NULL, name);
      g_free (name);
    }
  else
    keep_secret (self, name);
}

/* Mastodon */

static void
on_browser_launched_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ChorusAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error) || self->sign_in == NULL)
    return;

  g_debug ("Could not open the browser: %s", error->message);
  adw_expander_row_set_expanded (self->code_expander, TRUE);
  _chorus_account_dialog_show_band (self, _("Chorus could not open a web browser. Copy the address of the "
                                            "sign-in page into a browser, then paste the code it shows."),
                                    TRUE);
}

static void
open_uri (ChorusAccountDialog *self,
          const char          *uri)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;

  if (uri == NULL)
    return;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_browser_launched_cb, g_object_ref (self));
}

static void
on_authorize_url_cb (ChorusAccountDialog *self)
{
  const char *url = chorus_mastodon_sign_in_get_authorize_url (self->sign_in);
  g_autofree char *host = NULL;
  g_autofree char *description = NULL;

  if (url == NULL)
    return;

  host = chorus_http_dup_host (self->server_url);
  /* Translators: %s is a server, such as "mastodon.social". */
  description = g_strdup_printf (_("Approve Chorus on %s in the browser window that opened. Chorus waits "
                                   "here until you do."), host);
  adw_status_page_set_description (self->waiting_page, description);
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  gtk_stack_set_visible_child_name (self->stack, "waiting");
  _chorus_account_dialog_set_busy (self, TRUE);

  open_uri (self, url);
}

static void
on_signed_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ChorusAccountDialog) self = user_data;
  g_autoptr(ChorusMastodonSignInResult) signed_in = NULL;
  g_autoptr(GError) error = NULL;

  signed_in = chorus_mastodon_sign_in_run_finish (CHORUS_MASTODON_SIGN_IN (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || object != (GObject *) self->sign_in)
    return;

  if (signed_in == NULL)
    {
      _chorus_account_dialog_fail (self, error);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "form");
  _chorus_account_dialog_set_busy (self, TRUE);
  wipe_secret (self);
  self->secret = g_strdup (signed_in->token->access_token);
  keep_secret (self, g_strdup (signed_in->account->acct));
}

static void
sign_in_to_mastodon (ChorusAccountDialog *self)
{
  self->sign_in = chorus_mastodon_sign_in_new (self->http, self->server_url);
  g_signal_connect_swapped (self->sign_in, "notify::authorize-url", G_CALLBACK (on_authorize_url_cb), self);
  chorus_mastodon_sign_in_run_async (self->sign_in, self->cancellable, on_signed_in_cb, g_object_ref (self));
}

/* account.open-browser and account.open-code-page */
static void
open_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ChorusAccountDialog *self = CHORUS_ACCOUNT_DIALOG (widget);

  if (self->sign_in == NULL)
    return;

  if (g_str_equal (action_name, "account.open-browser"))
    open_uri (self, chorus_mastodon_sign_in_get_authorize_url (self->sign_in));
  else
    open_uri (self, chorus_mastodon_sign_in_get_manual_authorize_url (self->sign_in));
}

static void
copy_code_page_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ChorusAccountDialog *self = CHORUS_ACCOUNT_DIALOG (widget);
  const char *url;

  if (self->sign_in == NULL || !(url = chorus_mastodon_sign_in_get_manual_authorize_url (self->sign_in)))
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
  _chorus_account_dialog_show_band (self, _("The address is copied. Open it in a browser, approve Chorus, "
                                            "then paste the code it shows."),
                                    FALSE);
}

static void
on_code_apply_cb (ChorusAccountDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->sign_in == NULL)
    return;

  if (!chorus_mastodon_sign_in_submit_code (self->sign_in, gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
                                            &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->code_row), "error");
      _chorus_account_dialog_show_band (self, error->message, TRUE);
      return;
    }

  _chorus_account_dialog_show_band (self, NULL, FALSE);
  adw_status_page_set_description (self->waiting_page, _("Checking the code…"));
}

static void
on_code_changed_cb (ChorusAccountDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
}

/**
 * _chorus_account_dialog_connect:
 * @self: a #ChorusAccountDialog
 *
 * Tests the account in the form, then keeps it.
 */
void
_chorus_account_dialog_connect (ChorusAccountDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->handle_row));
  g_autofree char *handle = chorus_account_normalize_name (typed);
  g_autofree char *host = NULL;
  g_autofree char *status = NULL;
  const char *network = self->network;

  _chorus_account_dialog_stop (self);
  g_free (self->server_url);
  if (self->source != NULL)
    self->server_url = g_strdup (chorus_source_get_server_url (self->source));
  else
    self->server_url = chorus_account_normalize_url (gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                                                     g_strcmp0 (network, "feed") != 0);

  if (!chorus_http_check_url (self->server_url, &error))
    {
      _chorus_account_dialog_fail (self, error);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));
  _chorus_account_dialog_set_busy (self, TRUE);

  host = chorus_http_dup_host (self->server_url);
  /* Translators: %s is a server, such as "mastodon.social". */
  status = g_strdup_printf (_("Testing the connection to %s…"), host);
  _chorus_account_dialog_show_band (self, status, FALSE);

  if (g_strcmp0 (network, "mastodon") == 0)
    sign_in_to_mastodon (self);
  else if (g_strcmp0 (network, "bluesky") == 0)
    chorus_account_check_bluesky_async (self->http, self->server_url, handle, self->secret, self->cancellable,
                                        on_checked_cb, g_object_ref (self));
  else if (g_strcmp0 (network, "discourse") == 0)
    chorus_account_check_discourse_async (self->http, self->server_url, handle, self->secret,
                                          self->cancellable, on_checked_cb, g_object_ref (self));
  else
    chorus_account_check_feed_async (self->http, self->server_url, self->cancellable, on_checked_cb,
                                     g_object_ref (self));
}

void
_chorus_account_dialog_class_add_connect (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_code_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_changed_cb);

  gtk_widget_class_install_action (widget_class, "account.open-browser", NULL, open_page_action);
  gtk_widget_class_install_action (widget_class, "account.open-code-page", NULL, open_page_action);
  gtk_widget_class_install_action (widget_class, "account.copy-code-page", NULL, copy_code_page_action);
}
