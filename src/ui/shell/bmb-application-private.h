/* bmb-application-private.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bmb-application.h"
#include "bmb-context.h"
#include "bmb-reminder-presenter.h"
#include "bmb-search-provider.h"

G_BEGIN_DECLS

struct _BmbApplication
{
  AdwApplication  parent_instance;

  /* owned */
  BmbDatabase    *database;
  BmbContext     *context;
  char           *database_path;
  GSettings      *settings;
  BmbReminderPresenter *reminders;
  guint           reminders_source_id;
  guint           check_source_id;   /* the structural check after start-up */
  GtkWidget      *upgrade_window;    /* while a migration runs in a thread */
  BmbSearchProvider *search_provider;

  /* state */
  guint           background_hold : 1;
  guint           fatal_error_shown : 1;
};

void _bmb_application_add_options     (BmbApplication          *self);
int  _bmb_application_handle_command  (BmbApplication          *self,
                                       GApplicationCommandLine *command_line);
void _bmb_application_hold_in_background (BmbApplication       *self,
                                          gboolean              force);

void _bmb_application_add_command_options (BmbApplication       *self);
gboolean _bmb_application_has_commands (GVariantDict         *options);
int  _bmb_application_run_commands    (BmbApplication          *self,
                                       GApplicationCommandLine *command_line,
                                       GVariantDict            *options);
void _bmb_application_start_reminders (BmbApplication          *self);
void _bmb_application_stop_reminders  (BmbApplication          *self);
void _bmb_application_sync_autostart  (BmbApplication          *self);
gboolean _bmb_application_file_is_icalendar (GFile              *file);
void _bmb_application_start_sync      (BmbApplication          *self);
gboolean _bmb_application_adopt_database (BmbApplication       *self,
                                          BmbDatabase          *database,
                                          BmbDatabaseOpenFlags  flags,
                                          GError              **error);
gboolean _bmb_application_open_with_progress (BmbApplication   *self);

G_END_DECLS
