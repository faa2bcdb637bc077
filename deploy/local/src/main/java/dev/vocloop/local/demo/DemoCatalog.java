package dev.vocloop.local.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's people and what they said: a fictional tea and homeware shop, "Lotus Mart 莲花商城",
 * with Chinese and English customers in every tier and lifecycle stage. Written for the demo; the
 * texts are invented and match no real person.
 */
final class DemoCatalog {

    private DemoCatalog() {
    }

    /** A customer in the shape of deploy/CONTRACT.md; {@code email} null for app-only customers. */
    record Person(String id, String name, String email, String locale, String tier, String stage, String region, String product) {

        Map<String, Object> customer() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", id);
            if (email != null) {
                c.put("email", email);
            }
            c.put("name", name);
            c.put("locale", locale);
            c.put("tier", tier);
            c.put("lifecycleStage", stage);
            c.put("attributes", Map.of("product", product, "region", region));
            return c;
        }

        boolean chinese() {
            return locale.startsWith("zh");
        }
    }

    static final List<String> TIERS = List.of("free", "silver", "gold", "platinum", "enterprise");
    static final List<String> STAGES = List.of("new", "growing", "active", "high-value", "dormant");

    static final List<Person> PEOPLE = List.of(
            new Person("c-1001", "李伟", "li.wei@example.cn", "zh-CN", "gold", "active", "cn", "app"),
            new Person("c-1002", "王芳", null, "zh-CN", "free", "new", "cn", "app"),
            new Person("c-1003", "张敏", "zhang.min@example.cn", "zh-CN", "platinum", "high-value", "cn", "web"),
            new Person("c-1004", "刘洋", null, "zh-CN", "silver", "growing", "cn", "app"),
            new Person("c-1005", "陈静", "chen.jing@example.cn", "zh-CN", "enterprise", "high-value", "cn", "web"),
            new Person("c-1006", "杨帆", null, "zh-CN", "free", "dormant", "cn", "app"),
            new Person("c-1007", "赵磊", "zhao.lei@example.cn", "zh-CN", "silver", "active", "cn", "app"),
            new Person("c-1008", "黄丽", null, "zh-CN", "gold", "growing", "cn", "app"),
            new Person("c-1009", "周杰", "zhou.jie@example.cn", "zh-CN", "free", "active", "cn", "web"),
            new Person("c-1010", "吴婷", null, "zh-CN", "platinum", "active", "cn", "app"),
            new Person("c-1011", "徐强", "xu.qiang@example.cn", "zh-CN", "silver", "dormant", "cn", "web"),
            new Person("c-1012", "孙悦", null, "zh-CN", "gold", "new", "cn", "app"),
            new Person("c-1013", "马超", "ma.chao@example.cn", "zh-CN", "enterprise", "active", "cn", "web"),
            new Person("c-1014", "朱琳", null, "zh-CN", "free", "growing", "cn", "app"),
            new Person("c-1015", "胡军", "hu.jun@example.cn", "zh-CN", "silver", "high-value", "cn", "app"),
            new Person("c-2001", "Sam Taylor", "sam.taylor@example.com", "en", "gold", "active", "us", "app"),
            new Person("c-2002", "Emma Wilson", null, "en", "free", "new", "uk", "app"),
            new Person("c-2003", "Liam Brown", "liam.brown@example.com", "en", "platinum", "high-value", "us", "web"),
            new Person("c-2004", "Olivia Jones", null, "en", "silver", "growing", "au", "app"),
            new Person("c-2005", "Noah Garcia", "noah.garcia@example.com", "en", "enterprise", "high-value", "us", "web"),
            new Person("c-2006", "Ava Martinez", null, "en", "free", "dormant", "us", "app"),
            new Person("c-2007", "Ethan Davies", "ethan.davies@example.co.uk", "en", "silver", "active", "uk", "web"),
            new Person("c-2008", "Mia Robinson", null, "en", "gold", "growing", "ca", "app"),
            new Person("c-2009", "Lucas Clarke", "lucas.clarke@example.com", "en", "free", "active", "us", "app"),
            new Person("c-2010", "Chloe Evans", null, "en", "platinum", "active", "uk", "app"),
            new Person("c-2011", "Jack Thompson", "jack.thompson@example.com", "en", "silver", "dormant", "au", "web"),
            new Person("c-2012", "Grace Walker", null, "en", "gold", "new", "us", "app"),
            new Person("c-2013", "Henry White", "henry.white@example.com", "en", "enterprise", "active", "us", "web"),
            new Person("c-2014", "Zoe Hall", null, "en", "free", "growing", "ca", "app"),
            new Person("c-2015", "Daniel Lee", "daniel.lee@example.sg", "en", "silver", "high-value", "sg", "app"));

    static Person person(String id) {
        return PEOPLE.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** Feedback from the in-app widget. */
    record InApp(String customer, int daysAgo, int rating, String page, String device, String text) {
    }

    static final List<InApp> IN_APP = List.of(
            new InApp("c-1002", 2, 1, "/checkout", "iPhone 13", "支付的时候app闪退了，钱扣了但订单没有生成，客服电话一直打不通"),
            new InApp("c-1004", 5, 2, "/home", "HUAWEI Mate 60", "更新到5.3版本以后首页加载特别慢，要转圈十几秒才出来"),
            new InApp("c-1008", 12, 4, "/checkout", "Xiaomi 14", "希望能支持分期付款，大件商品一次付清压力有点大"),
            new InApp("c-1010", 20, 5, "/orders", "iPhone 15 Pro", "新版的订单页面很清爽，找物流信息方便多了，点赞！"),
            new InApp("c-1012", 1, 1, "/sign-in", "OPPO Find X7", "注册后一直收不到短信验证码，换了两个手机号都不行，无法登录"),
            new InApp("c-1014", 33, 2, "/checkout", "iPhone 12", "优惠券在结算页面没有自动抵扣，要手动选好几次才成功"),
            new InApp("c-1006", 61, 4, "/settings", "vivo X100", "能不能加一个深色模式？晚上看屏幕太刺眼了"),
            new InApp("c-1001", 3, 1, "/orders/8812", "iPhone 14", "上周买的茶具显示已签收，但我根本没收到快递，联系快递员也不回复"),
            new InApp("c-2002", 4, 1, "/profile", "Pixel 8", "The app crashes every time I try to upload a profile photo on Android 14."),
            new InApp("c-2004", 26, 4, "/checkout", "iPhone 15", "Could you add a way to split the bill between two cards at checkout?"),
            new InApp("c-2008", 6, 2, "/search", "Galaxy S24", "Search results are really slow since yesterday, sometimes over 10 seconds."),
            new InApp("c-2010", 45, 5, "/wishlist", "iPhone 15 Pro", "Love the new wishlist sharing, my family uses it for birthdays now!"),
            new InApp("c-2012", 2, 1, "/orders", "iPhone 13 mini", "I was charged twice for order #55120, please refund the duplicate payment."),
            new InApp("c-2014", 9, 3, "/orders", "Pixel 7", "How do I change the delivery address after the order has been placed?"),
            new InApp("c-2006", 52, 2, "/account/subscription", "iPad Air",
                    "Cancelling my subscription took five screens and two confirmation pop-ups. That is frustrating."),
            new InApp("c-2001", 8, 2, "/sign-in", "iPhone 15", "Two-factor login codes arrive minutes late, I can't log in on the first try."));

    /** An e-mail a customer wrote to the support address. */
    record Mail(String customer, int daysAgo, String subject, String body) {
    }

    static final List<Mail> MAILS = List.of(
            new Mail("c-1003", 7, "发票抬头开错了", """
                    你好，

                    我上个月的企业采购订单发票抬头写成了我个人的名字，财务那边没法报销，麻烦尽快重开一张增值税专用发票。
                    订单号 CN20261015-3321。

                    张敏"""),
            new Mail("c-1005", 4, "批量导出订单一直失败", """
                    您好，我们公司账号在后台批量导出订单的时候一直提示"导出失败，请稍后重试"，已经持续三天了，影响我们月底对账，请尽快处理。

                    陈静
                    采购部"""),
            new Mail("c-1011", 40, "怎么注销账户？", "请问怎么注销账户并删除我的个人信息？在设置里面没有找到入口。"),
            new Mail("c-2003", 10, "Refund still not received", """
                    Hi,

                    I returned the blender on 3 October and your tracking shows it arrived on the 7th, but the refund
                    still hasn't reached my card. Could you check? Order 77814.

                    Thanks,
                    Liam"""),
            new Mail("c-2005", 3, "429 errors on the order API", """
                    Hello,

                    Our team integrates the order API with our ERP. Since last week we get 429 errors at about half the
                    documented rate limit, which breaks our nightly sync. Can you look into it?

                    Noah Garcia"""),
            new Mail("c-2013", 15, "Great support from Anna", """
                    Just wanted to say that Anna from your support team sorted out our bulk order in a single call.
                    Really appreciated.

                    Henry"""));

    /** A support chat: lines start with C: (customer), A: (agent) or B: (bot). */
    record Chat(String customer, int daysAgo, List<String> lines) {
    }

    static final List<Chat> CHATS = List.of(
            new Chat("c-1007", 6, List.of("C:你好，我的会员到期自动续费了，可是我上个月已经关掉了自动续费", "A:您好，我帮您查一下，请稍等",
                    "C:扣了我198元，希望能退回来")),
            new Chat("c-1009", 18, List.of("C:网页版购物车里的商品总是自己消失", "A:请问是在登录状态下吗？", "C:是的，刷新一下就没了，已经好几次了")),
            new Chat("c-1015", 30, List.of("C:想问一下你们支持开电子发票吗", "B:您可以在订单详情页申请电子发票", "C:找到了，谢谢")),
            new Chat("c-2007", 2, List.of("C:Hi, my order says delivered but the parcel locker is empty.",
                    "A:Sorry to hear that, can you share the locker number?", "C:It's locker 14 at King's Cross, I checked twice.")),
            new Chat("c-2009", 24, List.of("C:Is there a student discount?", "B:We offer 10% off for verified students.",
                    "C:How do I get verified?")),
            new Chat("c-2011", 1, List.of("C:I can't reset my password, the reset link says it has expired as soon as I open it",
                    "A:Could you try once more? I have cleared the old links.", "C:Tried three times now, it still says expired")));

    /** A public post about the shop. */
    record Social(String platform, String handle, int daysAgo, String text) {
    }

    static final List<Social> SOCIAL = List.of(
            new Social("WEIBO", "茶友小周", 39, "莲花商城这次大促发货也太慢了吧，下单一周了还在仓库没动 #莲花商城#"),
            new Social("XIAOHONGSHU", "阿琳的日常", 14, "分享一个宝藏商城，青瓷杯颜值超高，包装也很用心，物流三天就到了～"),
            new Social("WEIBO", "数码老王", 41, "莲花商城APP最新版一打开就闪退，iPhone 15 Pro，卸载重装也没用，什么时候修？"),
            new Social("X", "jess_buys", 40, "@LotusMart your checkout keeps timing out on mobile. Tried 4 times, gave up and bought elsewhere."),
            new Social("X", "gadgetgrace", 11, "Shoutout to @LotusMart for the fastest delivery I've had all year. Ordered Monday, here Tuesday."),
            new Social("REDDIT", "tea_nerd_88", 22, "Anyone else being charged in USD instead of GBP on Lotus Mart since the last update?"));

    /** An app-store review. */
    record Review(String store, String author, int daysAgo, int rating, String title, String text) {
    }

    static final List<Review> REVIEWS = List.of(
            new Review("HUAWEI", "花粉001", 42, 1, "更新后闪退", "5.3.0更新之后一打开就闪退，华为Mate 60，完全用不了"),
            new Review("APP_STORE", "小鹿爱喝茶", 16, 5, "好用", "界面简洁，下单流程很顺畅，客服回复也快"),
            new Review("XIAOMI", "米粉阿杰", 27, 2, "广告太多", "首页弹窗广告太多了，每次打开都要关三四个"),
            new Review("APP_STORE", "Momo", 35, 3, "希望增加功能", "希望能增加降价提醒功能，降价了可以通知我"),
            new Review("HUAWEI", "老陈", 44, 1, "退款慢", "申请退款半个月了还没到账，客服一直说在处理"),
            new Review("APP_STORE", "jiajia", 58, 4, "整体不错", "物流很快，就是搜索有时候不太准确"),
            new Review("XIAOMI", "西湖边", 70, 5, "茶叶品质好", "买了好几次龙井，品质稳定，包装精美，推荐"),
            new Review("GOOGLE_PLAY", "Marcus T", 43, 1, "Login loop", "Keeps logging me out every few minutes since the update. Unusable."),
            new Review("APP_STORE", "hannah_k", 19, 5, "Best shopping app", "Clean design, quick checkout, and returns are painless."),
            new Review("GOOGLE_PLAY", "R. Singh", 31, 2, "Battery drain", "The app drains my battery in the background even when it's closed."),
            new Review("APP_STORE", "Pete", 64, 3, "Needs Apple Pay", "Nice selection, but please add Apple Pay for a faster checkout."),
            new Review("GOOGLE_PLAY", "Lena", 9, 4, "Good, but notifications", "Works well, but I get far too many promo notifications."),
            new Review("APP_STORE", "Dmitri", 41, 1, "Charged but no order",
                    "Payment went through twice and no order was created. Support hasn't replied in 3 days."),
            new Review("GOOGLE_PLAY", "Aisha", 75, 5, "Great deals", "Found great deals on tea sets, delivery was on time."));

    /** Survey answers given now through a survey link; the comment (or a low score) makes them feedback. */
    record LinkAnswer(String customer, int score, String comment) {
    }

    static final List<LinkAnswer> LINK_ANSWERS = List.of(
            new LinkAnswer("c-1003", 3, "发票问题拖了两周才解决，体验很差"),
            new LinkAnswer("c-1009", 9, "商品质量好，物流也快"),
            new LinkAnswer("c-1013", 6, "企业采购流程太繁琐，审批要走好几步"),
            new LinkAnswer("c-2003", 2, "Refunds take far too long, I'm still waiting on mine."),
            new LinkAnswer("c-2005", 10, "The API is solid and your support team is excellent."),
            new LinkAnswer("c-2011", 5, null));

    /** Customers with an NPS survey waiting in the app widget. */
    static final List<String> IN_APP_INVITED = List.of("c-1001", "c-1008", "c-1012", "c-2001", "c-2008", "c-2012");

    /** Customers invited by e-mail (the invitations land in the mail folder), not answered yet. */
    static final List<String> EMAIL_INVITED = List.of("c-1005", "c-1007", "c-2007", "c-2013");

    /** Reasons given with historical NPS answers, by band: detractor, passive, promoter. */
    static final Map<String, List<String>> REASONS_ZH = Map.of(
            "D", List.of("支付老是失败，还重复扣款", "客服响应太慢", "物流太慢了，等了十天", "退款流程太复杂", "APP经常闪退"),
            "P", List.of("东西不错，就是价格有点贵", "整体还行，配送时间不太稳定", "希望多一些优惠活动"),
            "A", List.of("茶叶品质很好，会一直回购", "物流快，包装好", "客服态度很好，问题很快解决了", "界面好用，下单方便"));
    static final Map<String, List<String>> REASONS_EN = Map.of(
            "D", List.of("Checkout failed twice and I was charged anyway", "Support took days to answer",
                    "Delivery was a week late", "The app keeps crashing"),
            "P", List.of("Good products, a bit pricey", "Fine overall, delivery times vary", "Would like more payment options"),
            "A", List.of("Great tea, fast delivery", "Support fixed my issue in minutes", "Easy to use and reliable",
                    "Returns were painless"));

    /** What agents write when they resolve, in the customer's language. */
    static final List<String> RESOLUTIONS_ZH = List.of(
            "已修复支付回调的问题，重复扣除的款项已原路退回，预计1-3个工作日到账。",
            "我们已联系快递公司重新派送，并为您补发了一张20元优惠券。",
            "新版本5.3.1已修复该问题，请在应用商店更新后重试。",
            "已为您重新开具发票，电子版已发送到您的邮箱。");
    static final List<String> RESOLUTIONS_EN = List.of(
            "We fixed the payment callback; the duplicate charge has been refunded and should reach your card in 1-3 days.",
            "The carrier has re-delivered your parcel, and we added a voucher to your account for the trouble.",
            "Version 5.3.1 fixes this; please update the app from your store and try again.",
            "We have raised your limit and fixed the counting bug on our side; the nightly sync should work again.");
}
