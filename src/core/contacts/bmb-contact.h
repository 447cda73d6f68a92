/* bmb-contact.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person in the networking contact book: one row of `contacts` plus its
 * labelled emails / phones / links (`contact_fields`) and tags
 * (`contact_tags`). A plain model: BmbContactStore reads and writes it.
 */

#pragma once

#include <glib-object.h>

#include "bmb-follow-up.h"

G_BEGIN_DECLS

/* ---- BmbContactField: one labelled email, phone number or link --------- */

typedef enum
{
  BMB_CONTACT_FIELD_EMAIL,
  BMB_CONTACT_FIELD_PHONE,
  BMB_CONTACT_FIELD_URL,
} BmbContactFieldKind;

#define BMB_TYPE_CONTACT_FIELD_KIND (bmb_contact_field_kind_get_type ())
#define BMB_TYPE_CONTACT_FIELD      (bmb_contact_field_get_type ())

typedef struct _BmbContactField BmbContactField;

GType                bmb_contact_field_kind_get_type    (void) G_GNUC_CONST;
/* "email", "phone", "url" (contact_fields.kind). */
const char          *bmb_contact_field_kind_to_string   (BmbContactFieldKind  kind);
/* FALSE for unknown text. */
gboolean             bmb_contact_field_kind_from_string (const char          *text,
                                                         BmbContactFieldKind *kind);
/* "Email", "Phone", "Link", translated. */
const char          *bmb_contact_field_kind_get_label   (BmbContactFieldKind  kind);

GType                bmb_contact_field_get_type         (void) G_GNUC_CONST;
/* Immutable once made. @value is trimmed; @label may be NULL ("work",
 * "mobile", "LinkedIn"… free text, shown as typed). */
BmbContactField     *bmb_contact_field_new              (BmbContactFieldKind  kind,
                                                         const char          *label,
                                                         const char          *value,
                                                         gboolean             preferred);
BmbContactField     *bmb_contact_field_ref              (BmbContactField     *self);
void                 bmb_contact_field_unref            (BmbContactField     *self);
BmbContactFieldKind  bmb_contact_field_get_kind         (const BmbContactField *self);
const char          *bmb_contact_field_get_label        (const BmbContactField *self);
const char          *bmb_contact_field_get_value        (const BmbContactField *self);
gboolean             bmb_contact_field_get_preferred    (const BmbContactField *self);
/* Same kind and value (emails and links compare case-insensitively, phones
 * by their digits and leading +). Labels and preference are ignored. */
gboolean             bmb_contact_field_same_value       (const BmbContactField *a,
                                                         const BmbContactField *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BmbContactField, bmb_contact_field_unref)

/* ---- BmbContact --------------------------------------------------------- */

#define BMB_TYPE_CONTACT (bmb_contact_get_type ())

G_DECLARE_FINAL_TYPE (BmbContact, bmb_contact, BMB, CONTACT, GObject)

/* A new, unsaved contact (id 0). The uid is generated on insert when unset. */
BmbContact          *bmb_contact_new                    (void);

/* Saved state, set by the store (0 / NULL while unsaved). */
gint64               bmb_contact_get_id                 (BmbContact  *self);
gint64               bmb_contact_get_created_at         (BmbContact  *self);
gint64               bmb_contact_get_updated_at         (BmbContact  *self);
/* Derived by the store from interactions and the stay-in-touch interval. */
const char          *bmb_contact_get_next_follow_up_on  (BmbContact  *self);

const char          *bmb_contact_get_uid                (BmbContact  *self);
void                 bmb_contact_set_uid                (BmbContact  *self,
                                                         const char  *uid);

/* The custom display name when one is set, otherwise derived from the name
 * parts ("Dr. Siti Rahayu, M.Psi."), then nickname, organization, first
 * email. Never NULL ("" for an empty contact, which the store refuses). */
const char          *bmb_contact_get_display_name       (BmbContact  *self);
/* NULL or "" goes back to the derived name. */
void                 bmb_contact_set_display_name       (BmbContact  *self,
                                                         const char  *display_name);
gboolean             bmb_contact_has_custom_display_name (BmbContact *self);

const char          *bmb_contact_get_prefix             (BmbContact  *self);
void                 bmb_contact_set_prefix             (BmbContact  *self,
                                                         const char  *prefix);
const char          *bmb_contact_get_given_name         (BmbContact  *self);
void                 bmb_contact_set_given_name         (BmbContact  *self,
                                                         const char  *given_name);
const char          *bmb_contact_get_additional_names   (BmbContact  *self);
void                 bmb_contact_set_additional_names   (BmbContact  *self,
                                                         const char  *additional_names);
const char          *bmb_contact_get_family_name        (BmbContact  *self);
void                 bmb_contact_set_family_name        (BmbContact  *self,
                                                         const char  *family_name);
const char          *bmb_contact_get_suffix             (BmbContact  *self);
void                 bmb_contact_set_suffix             (BmbContact  *self,
                                                         const char  *suffix);
const char          *bmb_contact_get_nickname           (BmbContact  *self);
void                 bmb_contact_set_nickname           (BmbContact  *self,
                                                         const char  *nickname);
const char          *bmb_contact_get_organization       (BmbContact  *self);
void                 bmb_contact_set_organization       (BmbContact  *self,
                                                         const char  *organization);
/* Job title. */
const char          *bmb_contact_get_role               (BmbContact  *self);
void                 bmb_contact_set_role               (BmbContact  *self,
                                                         const char  *role);
/* "YYYY-MM-DD", or "--MM-DD" when the year is unknown (vCard 4). */
const char          *bmb_contact_get_birthday           (BmbContact  *self);
void                 bmb_contact_set_birthday           (BmbContact  *self,
                                                         const char  *birthday);
const char          *bmb_contact_get_met_where          (BmbContact  *self);
void                 bmb_contact_set_met_where          (BmbContact  *self,
                                                         const char  *met_where);
/* "YYYY-MM-DD". */
const char          *bmb_contact_get_met_on             (BmbContact  *self);
void                 bmb_contact_set_met_on             (BmbContact  *self,
                                                         const char  *met_on);
const char          *bmb_contact_get_met_event          (BmbContact  *self);
void                 bmb_contact_set_met_event          (BmbContact  *self,
                                                         const char  *met_event);
/* Id of the contact who introduced us; 0 for none. */
gint64               bmb_contact_get_introduced_by      (BmbContact  *self);
void                 bmb_contact_set_introduced_by      (BmbContact  *self,
                                                         gint64       contact_id);
const char          *bmb_contact_get_notes              (BmbContact  *self);
void                 bmb_contact_set_notes              (BmbContact  *self,
                                                         const char  *notes);
/* "Stay in touch every @count @unit"; count 0 or unit NONE: no interval.
 * Count is 1…999 otherwise. */
guint                bmb_contact_get_keep_in_touch_count (BmbContact *self);
BmbFollowUpUnit      bmb_contact_get_keep_in_touch_unit (BmbContact  *self);
void                 bmb_contact_set_keep_in_touch      (BmbContact  *self,
                                                         guint        count,
                                                         BmbFollowUpUnit unit);
/* "YYYY-MM-DD" of the newest interaction. The store overwrites it from the
 * interactions once there are any; set it by hand (or from an import) for a
 * contact without logged interactions. */
const char          *bmb_contact_get_last_contact_on    (BmbContact  *self);
void                 bmb_contact_set_last_contact_on    (BmbContact  *self,
                                                         const char  *last_contact_on);
/* A one-off follow-up ("send my portfolio by Friday"): its date
 * "YYYY-MM-DD" and what to do, beside the repeating interval; NULL for
 * none. The earlier of the two is the next follow-up. */
const char          *bmb_contact_get_follow_up_on       (BmbContact  *self);
void                 bmb_contact_set_follow_up_on       (BmbContact  *self,
                                                         const char  *follow_up_on);
const char          *bmb_contact_get_follow_up_note     (BmbContact  *self);
void                 bmb_contact_set_follow_up_note     (BmbContact  *self,
                                                         const char  *follow_up_note);

/* Labelled fields, in display order. The array is borrowed (elements are
 * BmbContactField). */
GPtrArray           *bmb_contact_get_fields             (BmbContact  *self);
/* Only the fields of one kind, in order; new array (free with unref). */
GPtrArray           *bmb_contact_dup_fields_of_kind     (BmbContact  *self,
                                                         BmbContactFieldKind kind);
/* The preferred value of a kind, else the first; NULL when none. */
const char          *bmb_contact_get_primary_value      (BmbContact  *self,
                                                         BmbContactFieldKind kind);
/* Appends a field. An empty value is ignored (FALSE). A second preferred
 * field of the same kind takes the preference from the earlier one. */
gboolean             bmb_contact_add_field              (BmbContact  *self,
                                                         BmbContactFieldKind kind,
                                                         const char  *label,
                                                         const char  *value,
                                                         gboolean     preferred);
/* Takes a reference; same rules as bmb_contact_add_field(). */
gboolean             bmb_contact_add_field_item         (BmbContact      *self,
                                                         BmbContactField *field);
void                 bmb_contact_remove_field           (BmbContact  *self,
                                                         guint        index);
/* Replaces all fields (@fields may be NULL: none). Copies the array. */
void                 bmb_contact_set_fields             (BmbContact  *self,
                                                         GPtrArray   *fields);
/* TRUE if a field of @kind has this value (see bmb_contact_field_same_value). */
gboolean             bmb_contact_has_field_value        (BmbContact  *self,
                                                         BmbContactFieldKind kind,
                                                         const char  *value);

/* Tags, trimmed, unique case-insensitively, in insertion order. The vector is
 * borrowed and never NULL. */
const char * const  *bmb_contact_get_tags               (BmbContact  *self);
void                 bmb_contact_set_tags               (BmbContact         *self,
                                                         const char * const *tags);
/* FALSE if empty or already present. */
gboolean             bmb_contact_add_tag                (BmbContact  *self,
                                                         const char  *tag);
gboolean             bmb_contact_remove_tag             (BmbContact  *self,
                                                         const char  *tag);
gboolean             bmb_contact_has_tag                (BmbContact  *self,
                                                         const char  *tag);

/* Up to two uppercase letters for an avatar ("SR" for "Siti Rahayu"). */
char                *bmb_contact_dup_initials           (BmbContact  *self);
char                *bmb_contact_initials_for_name      (const char  *name);

/* Folds @other into @self without losing anything: empty columns of @self
 * are filled from @other, fields not already present are appended (never
 * taking the preference away from @self's), tags are united, and differing
 * notes are appended after a blank line. Ids, uid, timestamps and the
 * custom display name of @self are kept. Returns TRUE if @self changed.
 * Used by the importer (incoming data onto an existing contact) and by
 * bmb_contact_store_merge(). */
gboolean             bmb_contact_merge_from             (BmbContact  *self,
                                                         BmbContact  *other);

/* A deep copy, including id and saved state. */
BmbContact          *bmb_contact_copy                   (BmbContact  *self);

/* Casefolded, accent-stripped collation key for sorting by name
 * (contacts.sort_key): "Élodie" sorts with "elodie", "Ṣiti" with "siti". */
char                *bmb_contact_make_sort_key          (const char  *name);
/* Casefolds and strips diacritics (NFD, combining marks dropped). Used for
 * the sort key and for search terms. */
char                *bmb_text_fold                      (const char  *text);

G_END_DECLS
