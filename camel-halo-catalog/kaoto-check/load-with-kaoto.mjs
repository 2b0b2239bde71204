// Loads a catalog library the way Kaoto's CatalogLoaderProvider does (lib/esm/providers/catalog.provider.js of
// @kaoto/kaoto), with Kaoto's own CatalogSchemaLoader and CamelCatalogService, then looks Halo up as Kaoto's canvas does.
// Usage: node --import ./register.mjs load-with-kaoto.mjs <kaoto lib/esm dir> <library index URL> <definition name part>
const [, , kaotoEsm, libraryUrl, pick] = process.argv;
const { CatalogSchemaLoader } = await import(`${kaotoEsm}/utils/catalog-schema-loader.js`);
const { CamelCatalogService } = await import(`${kaotoEsm}/models/visualization/flows/camel-catalog.service.js`);
const { CatalogKind } = await import(`${kaotoEsm}/models/catalog-kind.js`);

const library = (await CatalogSchemaLoader.fetchFile(libraryUrl)).body;
const definition = library.definitions.find((d) => d.name.includes(pick));
const basePath = CatalogSchemaLoader.getRelativeBasePath(libraryUrl);
const indexFile = `${basePath}/${definition.fileName}`;
const relativeBasePath = CatalogSchemaLoader.getRelativeBasePath(indexFile);
const catalogIndex = (await CatalogSchemaLoader.fetchFile(indexFile)).body;
const get = (key) => CatalogSchemaLoader.fetchFile(`${relativeBasePath}/${catalogIndex.catalogs[key].file}`);
const [components, models, patterns, entities, languages, dataformats, loadbalancers, kamelets, boundaries, functions] =
  await Promise.all(['components', 'models', 'patterns', 'entities', 'languages', 'dataformats', 'loadbalancers',
    'kamelets', 'kameletBoundaries', 'functions'].map(get));
CamelCatalogService.setCatalogKey(CatalogKind.Component, components.body);
CamelCatalogService.setCatalogKey(CatalogKind.Processor, models.body);
CamelCatalogService.setCatalogKey(CatalogKind.Pattern, patterns.body);
CamelCatalogService.setCatalogKey(CatalogKind.Entity, entities.body);
CamelCatalogService.setCatalogKey(CatalogKind.Language, languages.body);
CamelCatalogService.setCatalogKey(CatalogKind.Dataformat, dataformats.body);
CamelCatalogService.setCatalogKey(CatalogKind.Loadbalancer, loadbalancers.body);
CamelCatalogService.setCatalogKey(CatalogKind.Kamelet, { ...boundaries.body, ...kamelets.body });
CamelCatalogService.setCatalogKey(CatalogKind.Function, functions.body);
const schemas = await Promise.all(CatalogSchemaLoader.getSchemasFiles(indexFile, catalogIndex.schemas));

const failures = [];
console.log(`${definition.name}: ${Object.keys(components.body).length} components, ` +
  `${Object.keys(kamelets.body).length} Kamelets, ${schemas.length} schemas`);
for (const name of ['halo', 'halo-poll', 'halo-webhook']) {
  const lookup = CamelCatalogService.getCatalogLookup(name);
  const props = Object.keys(lookup?.definition?.propertiesSchema?.properties ?? {});
  console.log(`  component ${name}: ${lookup?.catalogKind} "${lookup?.definition?.component?.title}", ${props.length} form properties`);
  if (lookup?.catalogKind !== CatalogKind.Component || props.length === 0) failures.push(name);
}
for (const name of Object.keys(kamelets.body).filter((k) => k.startsWith('halo-'))) {
  const lookup = CamelCatalogService.getCatalogLookup(`kamelet:${name}`);
  const props = Object.keys(lookup?.definition?.propertiesSchema?.properties ?? {});
  console.log(`  kamelet ${name}: ${lookup?.catalogKind}, ${props.length} form properties`);
  if (lookup?.catalogKind !== CatalogKind.Kamelet || props.length === 0) failures.push(name);
}
if (failures.length) { console.error('NOT LOADED: ' + failures.join(', ')); process.exit(1); }
console.log('Kaoto loads Halo from this catalog');
