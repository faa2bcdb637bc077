package dev.vocloop.feedback.items;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One feedback item as a channel submits it. Common fields first, then the optional fields of each
 * channel; the text limit is checked by the service because it is configurable.
 */
@Schema(description = "One feedback item", example = """
        {"channel":"IN_APP","externalId":"widget-8812","text":"支付的时候app闪退了，钱扣了但订单没有","rating":1,"page":"/checkout","appVersion":"5.2.0","device":"iPhone 13","customer":{"id":"c-1001","email":"li.wei@example.com","locale":"zh-CN"}}""")
public record FeedbackRequest(
        @Schema(description = "Channel the item came from") @NotNull Channel channel,
        @Schema(description = "Id of the item at its source (review id, Message-ID, survey response id); with the channel it makes the item unique")
        @Size(max = 500) String externalId,
        @Schema(description = "The customer's words; required except for SUPPORT_CHAT with messages. At most 10,000 characters (configurable)")
        String text,
        @Schema(description = "Star rating 1-5 (in-app widget, app review)") @Min(1) @Max(5) Integer rating,
        @Schema(description = "Product or app the feedback is about") @Size(max = 100) String product,
        @Schema(description = "The customer") @Valid Customer customer,
        @Schema(description = "When the customer gave it; default now") Instant receivedAt,
        @Schema(description = "IN_APP: page or screen") @Size(max = 500) String page,
        @Schema(description = "IN_APP / APP_REVIEW: app version") @Size(max = 50) String appVersion,
        @Schema(description = "IN_APP: device") @Size(max = 200) String device,
        @Schema(description = "APP_REVIEW: store, e.g. APP_STORE, GOOGLE_PLAY, HUAWEI") @Size(max = 50) String store,
        @Schema(description = "APP_REVIEW / EMAIL: title or subject") @Size(max = 1000) String title,
        @Schema(description = "SOCIAL: platform, e.g. WEIBO, WECHAT, X, XIAOHONGSHU") @Size(max = 50) String platform,
        @Schema(description = "SOCIAL: URL of the post") @Size(max = 2000) String url,
        @Schema(description = "SOCIAL: author handle") @Size(max = 200) String authorHandle,
        @Schema(description = "SOCIAL: whether the post is public (default true)") Boolean publicPost,
        @Schema(description = "SUPPORT_CHAT: the transcript") @Size(max = 500) List<@Valid @NotNull ChatMessage> messages,
        @Schema(description = "SURVEY: the score the answer carried") @Valid SurveyScore survey) {

    /** A copy for another customer. */
    public FeedbackRequest withCustomer(Customer newCustomer) {
        return new FeedbackRequest(channel, externalId, text, rating, product, newCustomer, receivedAt, page, appVersion,
                device, store, title, platform, url, authorHandle, publicPost, messages, survey);
    }

    /** A copy with another text and channel-derived fields, used when a channel adapter builds the request. */
    public FeedbackRequest withText(String newText) {
        return new FeedbackRequest(channel, externalId, newText, rating, product, customer, receivedAt, page, appVersion,
                device, store, title, platform, url, authorHandle, publicPost, messages, survey);
    }
}
