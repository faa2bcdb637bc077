package dev.vocloop.feedback;

import dev.vocloop.testing.MongoResource;
import dev.vocloop.testing.ServiceConventionsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(dev.vocloop.feedback.delivery.TicketServiceStub.class)
class PlatformConventionsTest extends ServiceConventionsContract {
}
