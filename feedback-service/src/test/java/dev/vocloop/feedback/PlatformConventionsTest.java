package dev.vocloop.feedback;

import dev.vocloop.testing.BehindGatewayContract;
import dev.vocloop.testing.InternalJwtResource;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(InternalJwtResource.class)
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(dev.vocloop.feedback.delivery.TicketServiceStub.class)
class PlatformConventionsTest extends BehindGatewayContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/feedback";
    }
}
