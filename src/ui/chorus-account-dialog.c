/* chorus-account-dialog.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-account-check.h"
#include "chorus-account-dialog-private.h"
#include "chorus-format.h"
#include "chorus-store-sources.h"

/* Connecting an account (or a feed), editing what it watches, or signing
 * it in again. Adding goes in two steps: choose the network, then fill in
 * the form; the connection is tested when the person presses Add
 * (chorus-account-dialog-connect.c), and only a working account is kept.
 * Whatever goes wrong is said above the form, which keeps what was typed.
 *
 * With a workspace the dialog adds the source itself ("source-saved");
 * without one it hands a draft to the window ("account-ready"), which
 * makes the default workspace first. */

G_DEFINE_FINAL_TYPE (ChorusAccountDialog, chorus_account_dialog, ADW_TYPE_WINDOW)

enum {
  SOURCE_SAVED,
  ACCOUNT_READY,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* What the form asks for, network by network. */
typedef struct
{
  const char *network;
  const char *group_title;
  const char *description;
  const char *server_title;
  const char *server_hint;        /* the title while adding, with an example */
  const char *server_default;
  const char *handle_title;
  const char *handle_hint;
  const char *secret_title;
  const char *help_title;
  const char *mentions_subtitle;
  gboolean    hashtags_and_keywords;
  gboolean    categories;
} NetworkForm;

static const NetworkForm forms[] = {
  { "mastodon", N_("Mastodon Account"),
    N_("Chorus opens your browser to sign in on your server. It asks to read posts, notifications and "
       "searches, and to reply and favourite — nothing else."),
    N_("Server"), N_("Server, Such as mastodon.social"), NULL, NULL, NULL, NULL, NULL,
    N_("Posts that mention or reply to the account"), TRUE, FALSE },
  { "bluesky", N_("Bluesky Account"),
    N_("Use an app password, not the account’s own password: it can be revoked at any time. Chorus keeps "
       "it in this computer’s keyring."),
    N_("Server"), N_("Server"), "bsky.social", N_("Handle"), N_("Handle, Such as brand.bsky.social"),
    N_("App Password"),
    N_("Create an App Password"), N_("Posts that mention or reply to the account"), TRUE, FALSE },
  { "discourse", N_("Forum Account"),
    N_("A forum admin creates the API key under Admin → Advanced → API Keys, for this username. Chorus "
       "keeps it in this computer’s keyring."),
    N_("Forum Address"), N_("Forum Address, Such as forum.example.com"), NULL, N_("Username"), N_("Username"),
    N_("API Key"), N_("Create an API Key"),
    N_("Posts that mention or reply to the user"), FALSE, TRUE },
  { "feed", N_("Feed"),
    N_("Blogs, review sites and news pages publish what they write as an RSS, Atom or JSON feed. Chorus "
       "reads it and brings each new entry into your inbox."),
    N_("Feed Address"), N_("Feed Address"), NULL, NULL, NULL, NULL, NULL, NULL, FALSE, FALSE },
};

static const NetworkForm *
find_form (const char *network)
{
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_strcmp0 (forms[i].network, network) == 0)
      return &forms[i];

  return &forms[G_N_ELEMENTS (forms) - 1];
}

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_blank (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (get_text (row)));

  return *text == '\0';
}

static gboolean
is_complete (ChorusAccountDialog *self)
{
  if (self->mode == CHORUS_ACCOUNT_DIALOG_EDIT)
    return TRUE;

  if (is_blank (self->server_row))
    return FALSE;

  return (!gtk_widget_get_visible (GTK_WIDGET (self->handle_row)) || !is_blank (self->handle_row)) &&
         (!gtk_widget_get_visible (GTK_WIDGET (self->secret_row)) || *get_text (self->secret_row) != '\0');
}

/* The form cannot change while its account is tested. Its focus moves
 * away first (GTK complains about a focused entry made insensitive) and
 * comes back after. */
static void
lock_form (ChorusAccountDialog *self,
           gboolean             locked)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (locked == !gtk_widget_get_sensitive (GTK_WIDGET (self->form_page)))
    return;

  if (locked && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form_page)))
    {
      g_set_weak_pointer (&self->refocus, focus);
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->form_page), !locked);

  if (!locked && self->refocus != NULL)
    {
      gtk_widget_grab_focus (self->refocus);
      g_clear_weak_pointer (&self->refocus);
    }
}

static void
update_header (ChorusAccountDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean form = g_strcmp0 (page, "form") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          (form && self->mode == CHORUS_ACCOUNT_DIALOG_ADD) || g_strcmp0 (page, "waiting") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->commit_button), form);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  lock_form (self, self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.commit", !self->busy && is_complete (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.back", !(self->busy && form));
}

/**
 * _chorus_account_dialog_show_band:
 * @self: a #ChorusAccountDialog
 * @text: (nullable): what to say under the header bar, or %NULL to hide it
 * @is_error: whether @text says what went wrong
 */
void
_chorus_account_dialog_show_band (ChorusAccountDialog *self,
                                  const char          *text,
                                  gboolean             is_error)
{
  if (text != NULL)
    gtk_label_set_label (self->band_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->band_icon), is_error);
  if (is_error)
    gtk_widget_add_css_class (self->band, "error");
  else
    gtk_widget_remove_css_class (self->band, "error");
  gtk_revealer_set_reveal_child (self->band_revealer, text != NULL);
}

static void
hide_error (ChorusAccountDialog *self)
{
  _chorus_account_dialog_show_band (self, NULL, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->secret_row), "error");
}

void
_chorus_account_dialog_set_busy (ChorusAccountDialog *self,
                                 gboolean             busy)
{
  self->busy = busy;
  if (busy)
    hide_error (self);
  update_header (self);
}

/* Back to the form, as it was typed, with what went wrong above it. */
void
_chorus_account_dialog_fail (ChorusAccountDialog *self,
                             const GError        *error)
{
  _chorus_account_dialog_stop (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  _chorus_account_dialog_set_busy (self, FALSE);

  _chorus_account_dialog_show_band (self, error->message, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    gtk_widget_add_css_class (GTK_WIDGET (self->secret_row), "error");
}

static void
on_form_changed_cb (ChorusAccountDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->secret_row), "error");
  update_header (self);
}

static void
on_form_activated_cb (ChorusAccountDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "account.commit", NULL);
}

/* The form */

static void
set_row (AdwEntryRow *row,
         const char  *title,
         const char  *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), title != NULL);
  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(title));
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static char *
dup_watch_description (const NetworkForm *form)
{
  if (form->categories)
    return g_strdup (_("Leave the categories empty to read the whole forum; a category is named by its "
                       "short name in the forum’s addresses, such as “support”."));

  return g_strdup (_("Chorus also brings in the public posts with these hashtags, and the ones found "
                     "by searching for these words."));
}

static void
fill_from_source (ChorusAccountDialog *self)
{
  ChorusSource *source = self->source;
  g_autofree char *hashtags = chorus_account_format_watch_list (chorus_source_get_watch_hashtags (source),
                                                                FALSE, "#");
  g_autofree char *keywords = chorus_account_format_watch_list (chorus_source_get_watch_keywords (source),
                                                                TRUE, NULL);
  g_autofree char *categories = chorus_account_format_watch_list (chorus_source_get_watch_categories (source),
                                                                  FALSE, NULL);
  const char *account = chorus_source_get_account (source);

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), chorus_source_get_server_url (source));
  gtk_editable_set_text (GTK_EDITABLE (self->handle_row), account != NULL ? account : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), chorus_source_get_display_name (source));
  gtk_switch_set_active (self->mentions_switch, chorus_source_get_watch_mentions (source));
  gtk_editable_set_text (GTK_EDITABLE (self->hashtags_row), hashtags);
  gtk_editable_set_text (GTK_EDITABLE (self->keywords_row), keywords);
  gtk_editable_set_text (GTK_EDITABLE (self->categories_row), categories);

  /* Who the account is cannot change; another one is another source. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->handle_row), FALSE);
}

static void
configure_form (ChorusAccountDialog *self)
{
  const NetworkForm *form = find_form (self->network);
  gboolean adding = self->mode == CHORUS_ACCOUNT_DIALOG_ADD;
  gboolean signing_in = self->mode == CHORUS_ACCOUNT_DIALOG_SIGN_IN;
  gboolean editing = self->mode == CHORUS_ACCOUNT_DIALOG_EDIT;
  g_autofree char *watch_description = dup_watch_description (form);

  adw_preferences_group_set_title (self->account_group, _(form->group_title));
  adw_preferences_group_set_description (self->account_group, editing ? NULL : _(form->description));
  set_row (self->server_row, adding ? form->server_hint : form->server_title,
           adding ? form->server_default : NULL);
  set_row (self->handle_row, adding ? form->handle_hint : form->handle_title, NULL);
  set_row (self->secret_row, editing ? NULL : form->secret_title, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->help_row), form->help_title != NULL && !editing);
  if (form->help_title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->help_row), _(form->help_title));

  gtk_widget_set_visible (GTK_WIDGET (self->watch_group), form->mentions_subtitle != NULL && !signing_in);
  adw_preferences_group_set_description (self->watch_group, watch_description);
  if (form->mentions_subtitle != NULL)
    adw_action_row_set_subtitle (self->mentions_row, _(form->mentions_subtitle));
  gtk_widget_set_visible (GTK_WIDGET (self->hashtags_row), form->hashtags_and_keywords);
  gtk_widget_set_visible (GTK_WIDGET (self->keywords_row), form->hashtags_and_keywords);
  gtk_widget_set_visible (GTK_WIDGET (self->categories_row), form->categories);

  gtk_widget_set_visible (GTK_WIDGET (self->name_group), !signing_in);
  adw_preferences_group_set_description (self->name_group,
                                         editing ? NULL : g_strcmp0 (self->network, "feed") == 0
                                                          ? _("Leave it empty to use the feed’s own title.")
                                                          : _("Leave it empty to name it after the account."));

  if (self->source != NULL)
    fill_from_source (self);

  gtk_button_set_label (self->commit_button, editing ? _("_Save") : signing_in ? _("Sign _In") : _("_Add"));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusAccountDialog *self = CHORUS_ACCOUNT_DIALOG (widget);

  chorus_account_dialog_choose_network (self, g_variant_get_string (parameter, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusAccountDialog *self = CHORUS_ACCOUNT_DIALOG (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "waiting") == 0)
    {
      _chorus_account_dialog_stop (self);
      _chorus_account_dialog_set_busy (self, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "form");
    }
  else
    {
      hide_error (self);
      gtk_stack_set_visible_child_name (self->stack, "networks");
    }

  update_header (self);
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusAccountDialog *self = CHORUS_ACCOUNT_DIALOG (widget);

  if (self->busy || !is_complete (self))
    return;

  if (self->mode == CHORUS_ACCOUNT_DIALOG_EDIT)
    _chorus_account_dialog_save (self, chorus_source_get_account (self->source), NULL);
  else
    _chorus_account_dialog_connect (self);
}

static void
on_help_launched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_debug ("Could not open a help page: %s", error->message);
}

static void
open_help_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ChorusAccountDialog *self = CHORUS_ACCOUNT_DIALOG (widget);
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_autofree char *forum = NULL;
  g_autofree char *url = NULL;

  if (g_strcmp0 (self->network, "bluesky") == 0)
    url = g_strdup ("https://bsky.app/settings/app-passwords");
  else if (!is_blank (self->server_row))
    {
      forum = chorus_account_normalize_url (get_text (self->server_row), TRUE);
      url = g_strconcat (forum, "/admin/api/keys", NULL);
    }
  else
    url = g_strdup ("https://meta.discourse.org/t/user-api-keys-specification/48536");

  g_app_info_launch_default_for_uri_async (url, G_APP_LAUNCH_CONTEXT (context), NULL, on_help_launched_cb, NULL);
}

/* Saving */

static ChorusAccountDraft *
build_draft (ChorusAccountDialog *self,
             const char          *account,
             const char          *feed_title)
{
  ChorusAccountDraft *draft = g_new0 (ChorusAccountDraft, 1);
  g_autofree char *name = g_strstrip (g_strdup (get_text (self->name_row)));
  const NetworkForm *form = find_form (self->network);

  draft->network = g_strdup (self->network);
  draft->server_url = g_strdup (self->source != NULL ? chorus_source_get_server_url (self->source)
                                                     : self->server_url);
  draft->account = g_strdup (account);
  draft->display_name = *name != '\0' ? g_steal_pointer (&name)
                                      : chorus_account_dup_default_name (draft->network, draft->server_url,
                                                                         account, feed_title);
  draft->watch_mentions = form->mentions_subtitle != NULL && gtk_switch_get_active (self->mentions_switch);
  draft->watch_hashtags = chorus_account_normalize_words (form->hashtags_and_keywords
                                                         ? get_text (self->hashtags_row) : "");
  draft->watch_keywords = chorus_account_normalize_phrases (form->hashtags_and_keywords
                                                            ? get_text (self->keywords_row) : "");
  draft->watch_categories = chorus_account_normalize_words (form->categories ? get_text (self->categories_row) : "");

  return draft;
}

static void
fill_settings (ChorusSourceSettings     *settings,
               const ChorusAccountDraft *draft)
{
  settings->display_name = draft->display_name;
  settings->watch_mentions = draft->watch_mentions;
  settings->watch_hashtags = draft->watch_hashtags;
  settings->watch_keywords = draft->watch_keywords;
  settings->watch_categories = draft->watch_categories;
}

static gboolean
save_to_store (ChorusAccountDialog       *self,
               const ChorusAccountDraft  *draft,
               gint64                    *id,
               GError                   **error)
{
  ChorusSourceSettings settings = { 0, };

  if (self->mode == CHORUS_ACCOUNT_DIALOG_ADD)
    return (*id = chorus_account_draft_add (draft, self->store, error)) != 0;

  *id = chorus_source_get_id (self->source);
  if (self->mode == CHORUS_ACCOUNT_DIALOG_SIGN_IN)
    {
      /* A source that read its secret from the environment now has it in
       * the keyring. */
      if (chorus_source_get_secret_env (self->source) != NULL)
        {
          settings.display_name = chorus_source_get_display_name (self->source);
          settings.watch_mentions = chorus_source_get_watch_mentions (self->source);
          settings.watch_hashtags = chorus_source_get_watch_hashtags (self->source);
          settings.watch_keywords = chorus_source_get_watch_keywords (self->source);
          settings.watch_categories = chorus_source_get_watch_categories (self->source);
          if (!chorus_store_update_source (self->store, *id, &settings, error))
            return FALSE;
        }

      return chorus_store_set_source_signed_in (self->store, *id, draft->account, error);
    }

  fill_settings (&settings, draft);
  settings.secret_env = chorus_source_get_secret_env (self->source);
  return chorus_store_update_source (self->store, *id, &settings, error);
}

/**
 * _chorus_account_dialog_save:
 * @self: a #ChorusAccountDialog
 * @account: (nullable): the account, as the network spells it
 * @feed_title: (nullable): the feed's own title
 *
 * Keeps the tested account (its secret is in the keyring already) and
 * closes the dialog.
 */
void
_chorus_account_dialog_save (ChorusAccountDialog *self,
                             const char          *account,
                             const char          *feed_title)
{
  g_autoptr(ChorusAccountDraft) draft = build_draft (self, account, feed_title);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->store == NULL)
    g_signal_emit (self, signals[ACCOUNT_READY], 0, draft);
  else if (!save_to_store (self, draft, &id, &error))
    {
      _chorus_account_dialog_fail (self, error);
      return;
    }
  else
    g_signal_emit (self, signals[SOURCE_SAVED], 0, id, self->mode != CHORUS_ACCOUNT_DIALOG_EDIT);

  _chorus_account_dialog_set_busy (self, FALSE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chorus_account_dialog_dispose (GObject *object)
{
  ChorusAccountDialog *self = (ChorusAccountDialog *)object;

  _chorus_account_dialog_stop (self);
  g_clear_weak_pointer (&self->refocus);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_ACCOUNT_DIALOG);
  g_clear_object (&self->http);
  g_clear_object (&self->store);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (chorus_account_dialog_parent_class)->dispose (object);
}

static void
chorus_account_dialog_finalize (GObject *object)
{
  ChorusAccountDialog *self = (ChorusAccountDialog *)object;

  g_free (self->network);
  g_free (self->server_url);

  G_OBJECT_CLASS (chorus_account_dialog_parent_class)->finalize (object);
}

static void
chorus_account_dialog_class_init (ChorusAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_account_dialog_dispose;
  object_class->finalize = chorus_account_dialog_finalize;

  /**
   * ChorusAccountDialog::source-saved:
   * @source_id: the source added, changed or signed in again
   * @needs_sync: whether it should be synced now (it is new, or signed in)
   */
  signals [SOURCE_SAVED] =
    g_signal_new ("source-saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);

  /**
   * ChorusAccountDialog::account-ready:
   * @draft: (type gpointer): a #ChorusAccountDraft to copy, checked and
   *   with its secret kept, for a dialog opened without a workspace
   */
  signals [ACCOUNT_READY] =
    g_signal_new ("account-ready",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, commit_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, band_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, band);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, band_icon);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, band_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, form_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, account_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, handle_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, help_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, watch_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, mentions_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, mentions_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, hashtags_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, keywords_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, categories_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, name_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, waiting_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, code_expander);
  gtk_widget_class_bind_template_child (widget_class, ChorusAccountDialog, code_row);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_activated_cb);

  gtk_widget_class_install_action (widget_class, "account.choose", "s", choose_action);
  gtk_widget_class_install_action (widget_class, "account.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "account.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "account.open-help", NULL, open_help_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  _chorus_account_dialog_class_add_connect (widget_class);
}

static void
chorus_account_dialog_init (ChorusAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * chorus_account_dialog_new:
 * @parent: the window to put the dialog on
 * @http: how to test the connection
 * @store: (nullable): the workspace to keep the account in
 * @mode: what the dialog is for
 * @source: (nullable): for %CHORUS_ACCOUNT_DIALOG_EDIT and
 *   %CHORUS_ACCOUNT_DIALOG_SIGN_IN, the source
 *
 * Returns: (transfer none): the dialog, to present
 */
ChorusAccountDialog *
chorus_account_dialog_new (GtkWindow               *parent,
                           ChorusHttp              *http,
                           ChorusStore             *store,
                           ChorusAccountDialogMode  mode,
                           ChorusSource            *source)
{
  ChorusAccountDialog *self;

  g_return_val_if_fail (CHORUS_IS_HTTP (http), NULL);
  g_return_val_if_fail ((mode == CHORUS_ACCOUNT_DIALOG_ADD) == (source == NULL), NULL);
  g_return_val_if_fail (mode == CHORUS_ACCOUNT_DIALOG_ADD || store != NULL, NULL);

  self = g_object_new (CHORUS_TYPE_ACCOUNT_DIALOG, "transient-for", parent, NULL);
  self->http = g_object_ref (http);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->mode = mode;
  self->source = source != NULL ? g_object_ref (source) : NULL;

  if (mode == CHORUS_ACCOUNT_DIALOG_EDIT)
    gtk_window_set_title (GTK_WINDOW (self), g_strcmp0 (chorus_source_get_network (source), "feed") == 0
                                             ? _("Edit Feed") : _("Edit Account"));
  else if (mode == CHORUS_ACCOUNT_DIALOG_SIGN_IN)
    gtk_window_set_title (GTK_WINDOW (self), _("Sign In Again"));

  if (source != NULL)
    chorus_account_dialog_choose_network (self, chorus_source_get_network (source));
  else
    update_header (self);

  if (mode == CHORUS_ACCOUNT_DIALOG_SIGN_IN && chorus_source_get_last_error (source) != NULL)
    _chorus_account_dialog_show_band (self, chorus_source_get_last_error (source), FALSE);

  return self;
}

/**
 * chorus_account_dialog_choose_network:
 * @self: a #ChorusAccountDialog
 * @network: "mastodon", "bluesky", "discourse" or "feed"
 *
 * Goes on to the form for @network, as choosing its row does.
 */
void
chorus_account_dialog_choose_network (ChorusAccountDialog *self,
                                      const char          *network)
{
  g_return_if_fail (CHORUS_IS_ACCOUNT_DIALOG (self));

  if (g_strcmp0 (self->network, network) != 0)
    {
      g_free (self->network);
      self->network = g_strdup (find_form (network)->network);
      configure_form (self);
    }

  gtk_stack_set_visible_child_name (self->stack, "form");
  update_header (self);
  if (self->mode == CHORUS_ACCOUNT_DIALOG_ADD)
    gtk_widget_grab_focus (GTK_WIDGET (is_blank (self->server_row) ? self->server_row : self->handle_row));
  else if (self->mode == CHORUS_ACCOUNT_DIALOG_SIGN_IN && gtk_widget_get_visible (GTK_WIDGET (self->secret_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
}

gboolean
chorus_account_dialog_get_busy (ChorusAccountDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_ACCOUNT_DIALOG (self), FALSE);

  return self->busy;
}

/* Drafts */

ChorusAccountDraft *
chorus_account_draft_copy (const ChorusAccountDraft *draft)
{
  ChorusAccountDraft *copy = g_new0 (ChorusAccountDraft, 1);

  copy->network = g_strdup (draft->network);
  copy->server_url = g_strdup (draft->server_url);
  copy->account = g_strdup (draft->account);
  copy->display_name = g_strdup (draft->display_name);
  copy->watch_mentions = draft->watch_mentions;
  copy->watch_hashtags = g_strdup (draft->watch_hashtags);
  copy->watch_keywords = g_strdup (draft->watch_keywords);
  copy->watch_categories = g_strdup (draft->watch_categories);

  return copy;
}

void
chorus_account_draft_free (ChorusAccountDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->network);
  g_free (draft->server_url);
  g_free (draft->account);
  g_free (draft->display_name);
  g_free (draft->watch_hashtags);
  g_free (draft->watch_keywords);
  g_free (draft->watch_categories);
  g_free (draft);
}

/**
 * chorus_account_draft_add:
 * @draft: a checked account
 * @store: the workspace to add it to
 * @error: a location for a #GError
 *
 * Returns: the new source's id, or 0 with @error set
 */
gint64
chorus_account_draft_add (const ChorusAccountDraft  *draft,
                          ChorusStore               *store,
                          GError                   **error)
{
  ChorusSourceSettings settings = { 0, };

  g_return_val_if_fail (draft != NULL, 0);
  g_return_val_if_fail (CHORUS_IS_STORE (store), 0);

  fill_settings (&settings, draft);
  return chorus_store_add_account (store, draft->network, draft->server_url, draft->account, &settings, error);
}
