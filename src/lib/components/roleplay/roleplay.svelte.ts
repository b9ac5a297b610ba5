// The XState actor behind the player, as runes: `snapshot` is reactive through createSubscriber,
// so components read it like state without @xstate/svelte's stores.
import { createSubscriber } from 'svelte/reactivity';
import { createActor, type Actor } from 'xstate';
import { compileScenario, nodeOf, type RoleplayEvent, type RoleplayMachine } from '$lib/roleplay/machine';
import type { Scenario } from '$lib/roleplay/schema';

export class Roleplay {
	#actor: Actor<RoleplayMachine>;
	#subscribe;

	constructor(scenario: Scenario, events: readonly RoleplayEvent[]) {
		this.#actor = createActor(compileScenario(scenario)).start();
		// Resume: the server's stored events, replayed through the same machine.
		for (const event of events) this.#actor.send(event);
		this.#subscribe = createSubscriber((update) => {
			const subscription = this.#actor.subscribe(update);
			return () => subscription.unsubscribe();
		});
	}

	get snapshot() {
		this.#subscribe();
		return this.#actor.getSnapshot();
	}

	get node() {
		return nodeOf(this.snapshot);
	}

	get done() {
		return this.snapshot.status === 'done';
	}

	can(event: RoleplayEvent) {
		return this.#actor.getSnapshot().can(event);
	}

	send(event: RoleplayEvent) {
		this.#actor.send(event);
	}

	stop() {
		this.#actor.stop();
	}
}
