/* chorus-stack-switcher.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-stack-switcher.h"

/* A GtkStackSwitcher whose titles give way: where the buttons do not fit,
 * a title wraps between its words. GtkStackSwitcher's labels never wrap,
 * so a long translated title ("Votos señalados (9)") set the window's
 * minimum width. */

struct _ChorusStackSwitcher
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  GtkSelectionModel  *pages;
  GPtrArray          *buttons;
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (ChorusStackSwitcher, chorus_stack_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
make_shrinking_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Between words only: never "Som-ete…", and nothing left out, so no
   * tooltip is needed. Its longest word is how narrow it can be. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  /* On one line wherever there is room: else, in a row as tall as two
   * lines, GTK asks for the narrowest width that fits two lines. */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  return label;
}

/**
 * chorus_button_shrink_label:
 * @button: a button showing a text
 *
 * Lets @button be narrower than its text: the text wraps between its
 * words, the longest of which sets how narrow the button can be. The
 * button keeps its text-button style.
 *
 * Returns: (transfer none): the label that now shows the text, to change it
 */
GtkLabel *
chorus_button_shrink_label (GtkButton *button)
{
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_BUTTON (button), NULL);

  label = make_shrinking_label ();
  gtk_label_set_label (GTK_LABEL (label), gtk_button_get_label (button));
  gtk_label_set_use_underline (GTK_LABEL (label), gtk_button_get_use_underline (button));
  gtk_button_set_child (button, label);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (button));
  gtk_widget_add_css_class (GTK_WIDGET (button), "text-button");
  return GTK_LABEL (label);
}

static void
sync_active (ChorusStackSwitcher *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_toggle_button_set_active (self->buttons->pdata[i], gtk_selection_model_is_selected (self->pages, i));
  self->updating = FALSE;
}

static void
on_button_toggled_cb (GtkToggleButton     *button,
                      ChorusStackSwitcher *self)
{
  guint position;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (g_ptr_array_find (self->buttons, button, &position))
    gtk_selection_model_select_item (self->pages, position, TRUE);
}

static GtkWidget *
make_button (ChorusStackSwitcher *self,
             GtkStackPage        *page)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkLabel *label = chorus_button_shrink_label (GTK_BUTTON (button));

  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "use-underline", label, "use-underline", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "visible", button, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_button_toggled_cb), self, 0);
  return button;
}

static void
clear_buttons (ChorusStackSwitcher *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_widget_unparent (self->buttons->pdata[i]);
  g_ptr_array_set_size (self->buttons, 0);
}

static void
rebuild (ChorusStackSwitcher *self)
{
  clear_buttons (self);
  if (self->pages == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->pages)); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (self->pages), i);
      GtkWidget *button = make_button (self, GTK_STACK_PAGE (page));

      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->buttons->pdata[0]);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      g_ptr_array_add (self->buttons, button);
    }
  sync_active (self);
}

static void
on_pages_items_changed_cb (ChorusStackSwitcher *self)
{
  rebuild (self);
}

static void
on_pages_selection_changed_cb (ChorusStackSwitcher *self)
{
  sync_active (self);
}

static void
chorus_stack_switcher_dispose (GObject *object)
{
  ChorusStackSwitcher *self = CHORUS_STACK_SWITCHER (object);

  chorus_stack_switcher_set_stack (self, NULL);
  G_OBJECT_CLASS (chorus_stack_switcher_parent_class)->dispose (object);
}

static void
chorus_stack_switcher_finalize (GObject *object)
{
  ChorusStackSwitcher *self = CHORUS_STACK_SWITCHER (object);

  g_ptr_array_unref (self->buttons);
  G_OBJECT_CLASS (chorus_stack_switcher_parent_class)->finalize (object);
}

static void
chorus_stack_switcher_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ChorusStackSwitcher *self = CHORUS_STACK_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_stack_switcher_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ChorusStackSwitcher *self = CHORUS_STACK_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      chorus_stack_switcher_set_stack (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_stack_switcher_class_init (ChorusStackSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_stack_switcher_dispose;
  object_class->finalize = chorus_stack_switcher_finalize;
  object_class->get_property = chorus_stack_switcher_get_property;
  object_class->set_property = chorus_stack_switcher_set_property;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, GTK_TYPE_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stackswitcher");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TAB_LIST);
}

static void
chorus_stack_switcher_init (ChorusStackSwitcher *self)
{
  self->buttons = g_ptr_array_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  gtk_widget_add_css_class (GTK_WIDGET (self), "chorus-stack-switcher");
}

GtkWidget *
chorus_stack_switcher_new (GtkStack *stack)
{
  g_return_val_if_fail (stack == NULL || GTK_IS_STACK (stack), NULL);

  return g_object_new (CHORUS_TYPE_STACK_SWITCHER, "stack", stack, NULL);
}

GtkStack *
chorus_stack_switcher_get_stack (ChorusStackSwitcher *self)
{
  g_return_val_if_fail (CHORUS_IS_STACK_SWITCHER (self), NULL);

  return self->stack;
}

void
chorus_stack_switcher_set_stack (ChorusStackSwitcher *self,
                                 GtkStack            *stack)
{
  g_return_if_fail (CHORUS_IS_STACK_SWITCHER (self));
  g_return_if_fail (stack == NULL || GTK_IS_STACK (stack));

  if (self->stack == stack)
    return;

  if (self->pages != NULL)
    g_signal_handlers_disconnect_by_data (self->pages, self);
  g_clear_object (&self->pages);
  g_set_object (&self->stack, stack);

  if (stack != NULL)
    {
      self->pages = gtk_stack_get_pages (stack);
      g_signal_connect_swapped (self->pages, "items-changed", G_CALLBACK (on_pages_items_changed_cb), self);
      g_signal_connect_swapped (self->pages, "selection-changed", G_CALLBACK (on_pages_selection_changed_cb), self);
    }
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}
