/* bmb-checklist-builtins.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text of the built-in checklists. The ideas come from the Indonesian
 * articles on mentoring and networking in the project's seed material; the
 * wording is our own. Keys are stable forever: the database and every
 * saved answer refer to them. Add items at the end of a template; never
 * rename or reuse a key.
 */

#define G_LOG_DOMAIN "bmb-checklist-builtins"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-checklist-builtins.h"

/* ---- Qualities of an effective mentor (rating) --------------------------- */

static const BmbBuiltinItem mentor_qualities_items[] = {
  { "willing-to-help", NULL,
    /* Translators: an item of the checklist “Qualities of an effective mentor”,
     * rated from 1 to 5. The explanations speak to the person rating themselves. */
    N_("Willing to help"),
    N_("You take a real interest in other people and are glad to help them.") },
  { "positive-experience", NULL,
    /* Translators: having been mentored well oneself, formally or informally. */
    N_("Good experience of being mentored"),
    N_("You have been mentored well yourself, formally or informally, and know what helps.") },
  { "develops-people", NULL,
    N_("Known for developing people"),
    N_("People around you know that you help others grow their skills.") },
  { "time-and-energy", NULL,
    N_("Time and energy to give"),
    N_("You can set aside the hours and the attention a mentoring relationship needs.") },
  { "current-knowledge", NULL,
    N_("Up-to-date knowledge"),
    N_("You keep your knowledge and technical skills current.") },
  { "learning-attitude", NULL,
    N_("Still learning"),
    N_("You are willing to keep learning and see what mentoring can teach you too.") },
  { "mentoring-skills", NULL,
    /* Translators: the skills a mentor uses: coaching, counseling, facilitating, networking. */
    N_("Skills to guide others"),
    N_("You have shown you can coach, counsel, facilitate and connect people.") },
};

/* ---- Traits of a good mentee (rating) ------------------------------------- */

static const BmbBuiltinItem mentee_traits_items[] = {
  { "keeps-growing", NULL,
    /* Translators: an item of the checklist “Traits of a good mentee”, rated from 1 to 5. */
    N_("Keeps growing"),
    N_("You keep working, steadily, at widening what you can do.") },
  { "open-to-new-ways", NULL,
    N_("Open to new ways"),
    N_("You welcome new ways of learning and are ready to try new ideas.") },
  { "acts-on-feedback", NULL,
    N_("Acts on feedback"),
    N_("You accept feedback and make changes because of it.") },
  { "applies-learning", NULL,
    N_("Puts learning into practice"),
    N_("You use what you have learned in your daily work.") },
  { "focus-on-results", NULL,
    N_("Focused on results"),
    N_("You keep the outcomes you are working towards in view.") },
  { "works-with-others", NULL,
    N_("Works well with others"),
    N_("You communicate clearly and cooperate with the people around you.") },
  { "asks-for-help", NULL,
    N_("Knows when to ask for help"),
    N_("You ask for support in time instead of struggling alone.") },
  { "responsible", NULL,
    N_("Responsible and committed"),
    N_("You take personal ownership of what you have taken on.") },
  { "meets-regularly", NULL,
    N_("Meets regularly"),
    N_("You are willing to keep a steady rhythm of meetings.") },
};

/* ---- Networking habits (rating) ------------------------------------------- */

static const BmbBuiltinItem networking_habits_items[] = {
  { "genuine-care", NULL,
    /* Translators: an item of the checklist “Networking habits”, rated from 1 to 5. */
    N_("Genuine care for people"),
    N_("You approach people out of real interest in them, not only in what they can do "
       "for you.") },
  { "patient-proactive", NULL,
    N_("Patient and proactive"),
    N_("You give relationships time to grow and are the one who takes the first step.") },
  { "accurate-honest", NULL,
    N_("Accurate and honest"),
    N_("What you tell people is correct, and you never make things up.") },
  { "time-to-keep-in-touch", NULL,
    N_("Time to keep in touch"),
    N_("You regularly set aside time to stay in contact and deepen your relationships.") },
};

/* ---- Networking at an event (yes / no) ------------------------------------ */

static const BmbBuiltinItem networking_event_items[] = {
  { "set-target", "preparation",
    /* Translators: an item of the checklist “Networking at an event”, answered yes or no. */
    N_("Set a target"),
    N_("Decide how many new people you want to meet — five, for example.") },
  { "prepare-questions", "preparation",
    N_("Prepare questions"),
    N_("Think of a few questions you could ask someone you have just met.") },
  { "know-your-offer", "preparation",
    N_("Know what you can offer"),
    N_("Be ready to say what information or help you could share with others.") },
  { "business-cards", "preparation",
    N_("Bring business cards"),
    N_("Take enough cards with you to hand out.") },
  { "suitable-clothes", "preparation",
    N_("Dress for the occasion"),
    N_("Wear professional clothes that suit the event: first impressions count.") },
  { "greet-first", "action",
    N_("Greet people first"),
    N_("Don’t wait to be approached: say hello, ask where they are from and what they do.") },
  { "approach-alone", "action",
    N_("Approach people on their own"),
    N_("Someone standing or sitting alone is often glad to start a conversation.") },
  { "dont-interrupt", "action",
    N_("Don’t interrupt"),
    N_("Wait until a phone call or a one-on-one conversation has finished.") },
  { "ask-for-cards", "maintaining",
    N_("Ask for their card"),
    N_("Collect cards so you remember names, and note how each person can be reached.") },
  { "follow-up", "maintaining",
    N_("Follow up as promised"),
    N_("Send the email or make the call you promised once the event is over.") },
};

/* ---- The four phases of a mentoring relationship (yes / no) --------------- */

static const BmbBuiltinItem mentoring_phases_items[] = {
  { "know-why", BMB_CHECKLIST_SECTION_PREPARATION,
    /* Translators: an item of the checklist “The four phases of a mentoring
     * relationship”, answered yes or no by mentor or mentee. */
    N_("Know why you want mentoring"),
    N_("You have thought through your reasons and what you hope to gain.") },
  { "share-expectations", BMB_CHECKLIST_SECTION_PREPARATION,
    N_("Share expectations"),
    N_("You both know what the other prefers and expects.") },
  { "build-trust", BMB_CHECKLIST_SECTION_PREPARATION,
    N_("Build trust"),
    N_("You are getting to know each other and feel safe to speak openly.") },
  { "agree-ground-rules", BMB_CHECKLIST_SECTION_NEGOTIATION,
    N_("Agree on the ground rules"),
    N_("You have agreed how and how often you meet and get in touch.") },
  { "set-boundaries", BMB_CHECKLIST_SECTION_NEGOTIATION,
    N_("Set boundaries"),
    N_("You have talked about the scope and the limits of the relationship.") },
  { "agree-confidentiality", BMB_CHECKLIST_SECTION_NEGOTIATION,
    N_("Agree on confidentiality"),
    N_("You both know what stays between the two of you.") },
  { "agree-duration", BMB_CHECKLIST_SECTION_NEGOTIATION,
    N_("Agree on how long it lasts"),
    N_("You have decided how long the mentoring relationship will run.") },
  { "set-learning-goals", BMB_CHECKLIST_SECTION_ENABLING,
    N_("Set learning goals together"),
    N_("You have agreed on goals for what the mentee wants to learn.") },
  { "work-towards-goals", BMB_CHECKLIST_SECTION_ENABLING,
    N_("Work towards the goals"),
    N_("You meet regularly and act on what you agree.") },
  { "review-progress", BMB_CHECKLIST_SECTION_ENABLING,
    N_("Review progress"),
    N_("You check together how far you have come and adjust course when needed.") },
  { "look-back", BMB_CHECKLIST_SECTION_CLOSURE,
    N_("Look back together"),
    N_("You go over the road you have traveled and what you have learned.") },
  { "celebrate", BMB_CHECKLIST_SECTION_CLOSURE,
    N_("Celebrate what was achieved"),
    N_("You take the time to mark the progress that was made.") },
  { "express-appreciation", BMB_CHECKLIST_SECTION_CLOSURE,
    N_("Show appreciation"),
    N_("You thank each other for the time and effort given.") },
  { "plan-next-steps", BMB_CHECKLIST_SECTION_CLOSURE,
    N_("Plan the next steps"),
    N_("You agree on what comes after the relationship ends.") },
};

/* ---- Making the most of your mentor (rating) ------------------------------ */

static const BmbBuiltinItem mentor_most_items[] = {
  { "smart-goals", NULL,
    /* Translators: an item of the checklist “Making the most of your mentor”,
     * rated from 1 to 5 by the mentee. */
    N_("Set SMART goals"),
    N_("Agree with your mentor on goals that are specific, measurable, achievable, "
       "relevant and time-bound.") },
  { "prepare-meetings", NULL,
    N_("Prepare each meeting"),
    N_("Come to every meeting with an agenda and concrete questions.") },
  { "be-proactive", NULL,
    N_("Take the initiative"),
    N_("Get in touch yourself instead of waiting for your mentor to call.") },
  { "welcome-feedback", NULL,
    N_("Welcome feedback"),
    N_("Listen carefully and stay open to criticism, even when it is hard to hear.") },
  { "keep-commitments", NULL,
    N_("Keep your commitments"),
    N_("Do what you said you would: it shows you value your mentor’s time.") },
  { "say-thanks", NULL,
    N_("Say thank you"),
    N_("Thank your mentor for their time and acknowledge their part in your progress.") },
  { "reflect-regularly", NULL,
    N_("Reflect regularly"),
    N_("Take time to review your progress and adjust your goals as needed.") },
};

/* ---- Choosing the right mentor (yes / no) --------------------------------- */

static const BmbBuiltinItem choosing_mentor_items[] = {
  { "define-goals", NULL,
    /* Translators: a step of the checklist “Choosing the right mentor”, answered yes or no. */
    N_("Define your goals"),
    N_("Be clear about the skills you want to build and the challenges you face.") },
  { "research-candidates", NULL,
    N_("Look into possible mentors"),
    N_("Find people whose experience, leadership style and values fit what you need.") },
  { "network-strategically", NULL,
    N_("Network with a purpose"),
    N_("Go to industry events and join professional groups where you can meet them.") },
  { "prepare-request", NULL,
    N_("Prepare your request"),
    N_("Explain your goals, what you hope to gain and why you are asking this person.") },
  { "respect-their-time", NULL,
    N_("Respect their time"),
    N_("Keep your request short and plan meetings around their schedule.") },
};

/* ---- SMART goal check (yes / no) ------------------------------------------ */

static const BmbBuiltinItem smart_goal_items[] = {
  { "specific", NULL,
    /* Translators: the “S” of a SMART goal; also a field label of the goal editor. */
    N_("Specific"),
    N_("The goal says exactly what you want to achieve.") },
  { "measurable", NULL,
    /* Translators: the “M” of a SMART goal; also a field label of the goal editor. */
    N_("Measurable"),
    N_("You can tell how much progress you have made.") },
  { "achievable", NULL,
    /* Translators: the “A” of a SMART goal; also a field label of the goal editor. */
    N_("Achievable"),
    N_("It is realistic with the time and means you have.") },
  { "relevant", NULL,
    /* Translators: the “R” of a SMART goal; also a field label of the goal editor. */
    N_("Relevant"),
    N_("It matters for your development and your wider aims.") },
  { "time-bound", NULL,
    /* Translators: the “T” of a SMART goal; also a field label of the goal editor. */
    N_("Time-bound"),
    N_("It has a deadline or a clear time frame.") },
};

/* ---- The templates, in display order -------------------------------------- */

#define ITEMS(a) a, G_N_ELEMENTS (a)

static const BmbBuiltinTemplate builtins[] = {
  { "mentor-qualities",
    /* Translators: title of a built-in self-assessment checklist. */
    N_("Qualities of an effective mentor"),
    N_("Rate yourself, or a mentor you are considering, on the qualities that make "
       "mentoring work."),
    BMB_ANSWER_KIND_RATING, ITEMS (mentor_qualities_items) },
  { "mentee-traits",
    /* Translators: title of a built-in self-assessment checklist. */
    N_("Traits of a good mentee"),
    N_("How strongly do you show the traits that help a mentee learn and grow?"),
    BMB_ANSWER_KIND_RATING, ITEMS (mentee_traits_items) },
  { "networking-habits",
    /* Translators: title of a built-in self-assessment checklist. */
    N_("Networking habits"),
    N_("Rate the habits that build lasting relationships that help both sides."),
    BMB_ANSWER_KIND_RATING, ITEMS (networking_habits_items) },
  { "networking-event",
    /* Translators: title of a built-in self-assessment checklist. */
    N_("Networking at an event"),
    N_("Before, during and after an event: meet people well and stay in touch."),
    BMB_ANSWER_KIND_YES_NO, ITEMS (networking_event_items) },
  { "mentoring-phases",
    /* Translators: title of a built-in self-assessment checklist. */
    N_("The four phases of a mentoring relationship"),
    N_("What preparation, negotiation, enabling growth and closure each ask of mentor "
       "and mentee."),
    BMB_ANSWER_KIND_YES_NO, ITEMS (mentoring_phases_items) },
  { "mentor-most",
    /* Translators: title of a built-in self-assessment checklist, for mentees. */
    N_("Making the most of your mentor"),
    N_("How well are you using your mentoring relationship?"),
    BMB_ANSWER_KIND_RATING, ITEMS (mentor_most_items) },
  { "choosing-mentor",
    /* Translators: title of a built-in self-assessment checklist. */
    N_("Choosing the right mentor"),
    N_("Five steps to find a mentor who fits what you want to learn."),
    BMB_ANSWER_KIND_YES_NO, ITEMS (choosing_mentor_items) },
  { "smart-goal",
    /* Translators: title of a built-in self-assessment checklist. */
    N_("SMART goal check"),
    N_("Check that a goal is specific, measurable, achievable, relevant and time-bound."),
    BMB_ANSWER_KIND_YES_NO, ITEMS (smart_goal_items) },
};

#undef ITEMS

/* ---- Public API ------------------------------------------------------------ */

const BmbBuiltinTemplate *
bmb_checklist_builtins_get_all (guint *n_templates)
{
  g_return_val_if_fail (n_templates != NULL, NULL);

  *n_templates = G_N_ELEMENTS (builtins);
  return builtins;
}

const BmbBuiltinTemplate *
bmb_checklist_builtins_lookup (const char *template_key)
{
  if (template_key == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      if (g_str_equal (builtins[i].key, template_key))
        return &builtins[i];
    }

  return NULL;
}

const BmbBuiltinItem *
bmb_checklist_builtins_lookup_item (const char *template_key,
                                    const char *item_key)
{
  const BmbBuiltinTemplate *template = bmb_checklist_builtins_lookup (template_key);

  if (template == NULL || item_key == NULL)
    return NULL;

  for (guint i = 0; i < template->n_items; i++)
    {
      if (g_str_equal (template->items[i].key, item_key))
        return &template->items[i];
    }

  return NULL;
}

const char *
bmb_checklist_builtins_get_title (const char *template_key)
{
  const BmbBuiltinTemplate *template = bmb_checklist_builtins_lookup (template_key);

  return template != NULL ? _(template->title) : NULL;
}

const char *
bmb_checklist_builtins_get_description (const char *template_key)
{
  const BmbBuiltinTemplate *template = bmb_checklist_builtins_lookup (template_key);

  return template != NULL ? _(template->description) : NULL;
}

const char *
bmb_checklist_builtins_get_item_title (const char *template_key,
                                       const char *item_key)
{
  const BmbBuiltinItem *item = bmb_checklist_builtins_lookup_item (template_key, item_key);

  return item != NULL ? _(item->title) : NULL;
}

const char *
bmb_checklist_builtins_get_item_explanation (const char *template_key,
                                             const char *item_key)
{
  const BmbBuiltinItem *item = bmb_checklist_builtins_lookup_item (template_key, item_key);

  return item != NULL ? _(item->explanation) : NULL;
}

const char *
bmb_checklist_builtins_get_section_label (const char *section)
{
  if (section == NULL)
    return NULL;

  /* Phases of a mentoring relationship (relationships.phase). */
  if (g_str_equal (section, BMB_CHECKLIST_SECTION_PREPARATION))
    /* Translators: a section of a checklist: the first phase of a mentoring
     * relationship, or getting ready for a networking event. */
    return C_("checklist section", "Preparation");
  if (g_str_equal (section, BMB_CHECKLIST_SECTION_NEGOTIATION))
    /* Translators: a section of a checklist: the phase of a mentoring
     * relationship where both sides agree on its terms. */
    return C_("checklist section", "Negotiation");
  if (g_str_equal (section, BMB_CHECKLIST_SECTION_ENABLING))
    /* Translators: a section of a checklist: the phase of a mentoring
     * relationship where the mentee works towards the learning goals. */
    return C_("checklist section", "Enabling growth");
  if (g_str_equal (section, BMB_CHECKLIST_SECTION_CLOSURE))
    /* Translators: a section of a checklist: the last phase of a mentoring
     * relationship, when it is brought to a good end. */
    return C_("checklist section", "Closure");

  /* Networking at an event. */
  if (g_str_equal (section, "action"))
    /* Translators: a section of the checklist “Networking at an event”: at the event. */
    return C_("checklist section", "Getting into action");
  if (g_str_equal (section, "maintaining"))
    /* Translators: a section of the checklist “Networking at an event”: after the event. */
    return C_("checklist section", "Maintaining contacts");

  return NULL;
}
