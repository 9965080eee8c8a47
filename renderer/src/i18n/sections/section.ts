// A section of the app dictionaries: its English object is the reference, and the Russian one
// `satisfies SectionOf<typeof EN_SECTION>`, so a key missing from or extra in either language is
// a compile error. dictionary-en.ts and dictionary-ru.ts spread the sections into one dictionary.
export type SectionOf<T> = { readonly [K in keyof T]: string };
