package dev.vocloop.gateway.apikeys;

import java.util.List;

/**
 * One page of API keys, newest first.
 *
 * @param items the keys of this page
 * @param nextCursor pass as {@code cursor} to get the next page; absent on the last page
 */
public record ApiKeyPage(List<ApiKeyView> items, String nextCursor) {
}
