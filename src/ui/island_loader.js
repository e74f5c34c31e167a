// Loads the browser code when the page is idle and wakes its islands: Leptos 0.8's island loader
// (island_script.js in its hydration module, MIT), changed in one way. Leptos's version walks every
// element of the page with an `await` for each (on a 200-offer board, ~4,000 steps in one task);
// this one asks the document for its islands, which come in the same (document) order.
((root, pkg_path, output_name, wasm_output_name) => {
	async function hydrateIsland(el, id, mod, inPage) {
		const islandFn = mod[id];
		if (!islandFn) {
			console.warn(`Could not find WASM function for the island ${id}.`);
			return;
		}
		// An island inside another island's children first lets those children hydrate (as
		// Leptos's walk does with the innermost children it is in).
		const children = inPage && el.parentElement && el.parentElement.closest("leptos-children");
		if (children && children.$$on_hydrate) {
			children.$$on_hydrate();
		}
		const res = islandFn(el);
		if (res && res.then) {
			await res;
		}
	}
	async function hydrateIslands(mod) {
		for (const el of document.querySelectorAll("leptos-island")) {
			await hydrateIsland(el, el.dataset.component || null, mod, true);
		}
	}
	const idle = (c) => ("requestIdleCallback" in window ? window.requestIdleCallback(c) : c());
	idle(() => {
		import(`${root}/${pkg_path}/${output_name}.js`).then((mod) => {
			mod.default({ module_or_path: `${root}/${pkg_path}/${wasm_output_name}.wasm` }).then(() => {
				mod.hydrate();
				hydrateIslands(mod);
			});
			window.__hydrateIsland = (el, id) => hydrateIsland(el, id, mod, false);
		});
	});
})
