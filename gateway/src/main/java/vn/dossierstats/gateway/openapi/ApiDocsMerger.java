package vn.dossierstats.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into the one public document, as the API is seen through the gateway: only
 * the paths under {@code /api/v1/} (what the gateway routes), no internal server addresses, no header the gateway sets
 * itself, and components renamed where two services use one name for different things.
 */
final class ApiDocsMerger {

    /** One service's own document. */
    record ServiceDoc(String service, JsonNode doc) {}

    static final String PUBLIC_PREFIX = "/api/v1/";
    /** Set by the gateway from the key; a caller's value is removed, so it is not part of the public API. */
    private static final Set<String> GATEWAY_HEADERS = Set.of("x-source-id");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String COMPONENTS_REF = "#/components/";

    private final String title;
    private final String description;

    ApiDocsMerger(String title, String description) {
        this.title = title;
        this.description = description;
    }

    ObjectNode merge(List<ServiceDoc> docs) {
        ObjectNode merged = NODES.objectNode();
        merged.put(
                "openapi",
                docs.stream()
                        .map(d -> d.doc().path("openapi").asString(""))
                        .filter(v -> !v.isEmpty())
                        .findFirst()
                        .orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", "v1");
        info.put("description", description);
        // relative: the API is wherever this document was fetched from, never a service's own address
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = NODES.objectNode();
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        Set<String> operationIds = new HashSet<>();

        for (ServiceDoc serviceDoc : docs) {
            JsonNode doc = withRenamedComponents(serviceDoc, components);
            for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
                if (path.getKey().startsWith(PUBLIC_PREFIX) && !paths.has(path.getKey())) {
                    JsonNode item = withoutGatewayHeaders(path.getValue());
                    uniqueOperationIds(item, serviceDoc.service(), operationIds);
                    paths.set(path.getKey(), item);
                }
            }
            for (Map.Entry<String, JsonNode> kind : doc.path("components").properties()) {
                ObjectNode target = components.has(kind.getKey())
                        ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
                    target.set(component.getKey(), component.getValue());
                }
            }
            for (JsonNode tag : doc.path("tags")) {
                tags.putIfAbsent(tag.path("name").asString(""), (ObjectNode) tag);
            }
        }
        if (!components.isEmpty()) {
            merged.set("components", components);
        }
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        return merged;
    }

    /**
     * A copy of the service's document in which every component whose name is already taken by a different component
     * gets the service's name as prefix, with every reference to it rewritten.
     */
    private static JsonNode withRenamedComponents(ServiceDoc serviceDoc, ObjectNode mergedSoFar) {
        Map<String, String> renames = new HashMap<>();
        for (Map.Entry<String, JsonNode> kind :
                serviceDoc.doc().path("components").properties()) {
            JsonNode existing = mergedSoFar.path(kind.getKey());
            for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
                JsonNode taken = existing.get(component.getKey());
                if (taken != null && !taken.equals(component.getValue())) {
                    renames.put(
                            COMPONENTS_REF + kind.getKey() + "/" + component.getKey(),
                            COMPONENTS_REF + kind.getKey() + "/" + prefix(serviceDoc.service()) + component.getKey());
                }
            }
        }
        JsonNode copy = serviceDoc.doc().deepCopy();
        if (renames.isEmpty()) {
            return copy;
        }
        rewriteRefs(copy, renames);
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            String[] from = rename.getKey().substring(COMPONENTS_REF.length()).split("/", 2);
            String to = rename.getValue().substring(rename.getValue().lastIndexOf('/') + 1);
            ObjectNode kind = (ObjectNode) copy.path("components").path(from[0]);
            JsonNode component = kind.remove(from[1]);
            kind.set(to, component);
        }
        return copy;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && renames.containsKey(ref.asString())) {
                object.put("$ref", renames.get(ref.asString()));
            }
            for (Map.Entry<String, JsonNode> child : object.properties()) {
                rewriteRefs(child.getValue(), renames);
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode child : array) {
                rewriteRefs(child, renames);
            }
        }
    }

    /** OpenAPI wants operation ids unique in the document; each service only made them unique in its own. */
    private static void uniqueOperationIds(JsonNode pathItem, String service, Set<String> taken) {
        for (Map.Entry<String, JsonNode> operation : pathItem.properties()) {
            if (operation.getValue() instanceof ObjectNode op && op.get("operationId") != null) {
                String id = op.get("operationId").asString();
                if (!taken.add(id)) {
                    String renamed = prefix(service) + id;
                    op.put("operationId", renamed);
                    taken.add(renamed);
                }
            }
        }
    }

    /** The path item without parameters that are headers the gateway sets itself, at path and operation level. */
    private static JsonNode withoutGatewayHeaders(JsonNode pathItem) {
        ObjectNode item = (ObjectNode) pathItem.deepCopy();
        List<ObjectNode> holders = new ArrayList<>();
        holders.add(item);
        for (Map.Entry<String, JsonNode> operation : item.properties()) {
            if (operation.getValue() instanceof ObjectNode op) {
                holders.add(op);
            }
        }
        for (ObjectNode holder : holders) {
            if (holder.get("parameters") instanceof ArrayNode parameters) {
                ArrayNode kept = NODES.arrayNode();
                for (JsonNode parameter : parameters) {
                    boolean gatewayHeader = "header".equals(parameter.path("in").asString(""))
                            && GATEWAY_HEADERS.contains(
                                    parameter.path("name").asString("").toLowerCase(Locale.ROOT));
                    if (!gatewayHeader) {
                        kept.add(parameter);
                    }
                }
                if (kept.isEmpty()) {
                    holder.remove("parameters");
                } else {
                    holder.set("parameters", kept);
                }
            }
        }
        return item;
    }

    private static String prefix(String service) {
        Set<String> words = new LinkedHashSet<>(List.of(service.split("[^A-Za-z0-9]+")));
        StringBuilder prefix = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty()) {
                prefix.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return prefix + "_";
    }
}
