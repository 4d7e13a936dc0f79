/**
 * Display names (in the user's language) of the plan's enumerations.
 */
import type { GridQuadrant, ParticipationLevel } from '@prozesswerkstatt/plan-model';
import { m } from '$lib/paraglide/messages.js';
import type { Role } from '@prozesswerkstatt/contract';

/**
 * Name of a participation level. The model keeps IAP2's five values (inform … empower); people
 * read them in the terms of Berlin's "Leitlinien für Beteiligung von Bürgerinnen und Bürgern an
 * Projekten und Prozessen der räumlichen Stadtentwicklung" (LLBB, Senate decision of September
 * 2019), which speak of Information, Konsultation/Mitwirkung, Mitgestaltung and Mitentscheidung:
 * inform → Information, consult → Konsultation, involve → Mitwirkung, collaborate →
 * Mitgestaltung, empower → Mitentscheidung (English: Information, Consultation, Involvement,
 * Co-design, Co-decision). Never "Ermächtigen": IAP2's "empower" means the public decides.
 * Board, method library, version diffs and exports all take their words from here.
 */
export function levelLabel(level: ParticipationLevel): string {
  switch (level) {
    case 'inform':
      return m.board_level_inform();
    case 'consult':
      return m.board_level_consult();
    case 'involve':
      return m.board_level_involve();
    case 'collaborate':
      return m.board_level_collaborate();
    case 'empower':
      return m.board_level_empower();
  }
}

/** Name of a stakeholder group. */
export function groupLabel(group: string): string {
  switch (group) {
    case 'administration':
      return m.board_group_administration();
    case 'politics':
      return m.board_group_politics();
    case 'citizens':
      return m.board_group_citizens();
    case 'civil_society':
      return m.board_group_civil_society();
    case 'business':
      return m.board_group_business();
    default:
      return m.board_group_other();
  }
}

/** Name of a phase kind (planning, participation, decision). */
export function phaseKindLabel(kind: string): string {
  if (kind === 'planning') return m.phase_kind_planning();
  if (kind === 'decision') return m.phase_kind_decision();
  return m.phase_kind_participation();
}

/** Name of a format mode. */
export function modeLabel(mode: string): string {
  if (mode === 'online') return m.board_mode_online();
  if (mode === 'hybrid') return m.board_mode_hybrid();
  return m.board_mode_offline();
}

/** Name of a plan role. */
export function roleLabel(role: Role): string {
  switch (role) {
    case 'viewer':
      return m.board_role_viewer();
    case 'commenter':
      return m.board_role_commenter();
    case 'editor':
      return m.board_role_editor();
    case 'facilitator':
      return m.board_role_facilitator();
  }
}

/** Name of a quadrant of the stakeholder grid, as a label ("Zufrieden stellen"). */
export function quadrantLabel(quadrant: GridQuadrant): string {
  switch (quadrant) {
    case 'manage_closely':
      return m.board_grid_quadrant_manage_closely();
    case 'keep_satisfied':
      return m.board_grid_quadrant_keep_satisfied();
    case 'keep_informed':
      return m.board_grid_quadrant_keep_informed();
    case 'monitor':
      return m.board_grid_quadrant_monitor();
  }
}

/** Name of a quadrant inside a sentence ("… — zufrieden stellen"). */
export function quadrantInSentence(quadrant: GridQuadrant): string {
  switch (quadrant) {
    case 'manage_closely':
      return m.board_grid_in_quadrant_manage_closely();
    case 'keep_satisfied':
      return m.board_grid_in_quadrant_keep_satisfied();
    case 'keep_informed':
      return m.board_grid_in_quadrant_keep_informed();
    case 'monitor':
      return m.board_grid_in_quadrant_monitor();
  }
}
