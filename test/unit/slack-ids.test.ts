import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { SlackEnv } from '../../src/channels/slack/context.js';
import { ACTION_IDS, DISPLAY_ONLY_VIEWS, VIEW_IDS } from '../../src/channels/slack/ids.js';
import { registerActions } from '../../src/channels/slack/listeners/actions.js';
import { registerCommands } from '../../src/channels/slack/listeners/commands.js';
import { registerControls } from '../../src/channels/slack/listeners/controls.js';
import { registerEvents } from '../../src/channels/slack/listeners/events.js';
import { registerPrivacy } from '../../src/channels/slack/listeners/privacy.js';
import { registerViews } from '../../src/channels/slack/listeners/views.js';

/** Registers every Slack listener on a recorder (nothing runs: only what each listener is for is noted). */
function registrations() {
  const actions: string[] = [];
  const views: string[] = [];
  const recorder = {
    action: (constraints: { action_id?: string }) => void actions.push(String(constraints.action_id)),
    view: (constraints: { callback_id?: string }) => void views.push(String(constraints.callback_id)),
    command: () => undefined,
    event: () => undefined,
    message: () => undefined,
    shortcut: () => undefined,
    options: () => undefined,
  } as unknown as App;
  const env = {} as SlackEnv;
  registerCommands(recorder, env);
  registerActions(recorder, env);
  registerControls(recorder, env);
  registerViews(recorder, env);
  registerPrivacy(recorder, env);
  registerEvents(recorder, env, async () => undefined);
  return { actions, views };
}

describe('Slack listener ids', () => {
  it('has exactly one listener for every button id the views may draw, and none for an unknown id', () => {
    const { actions } = registrations();
    expect([...actions].sort()).toEqual([...ACTION_IDS].sort());
  });

  it('has exactly one listener for every modal that can be submitted', () => {
    const { views } = registrations();
    const submitted = VIEW_IDS.filter((id) => !DISPLAY_ONLY_VIEWS.includes(id));
    expect([...views].sort()).toEqual([...submitted].sort());
  });
});
